# Finland-Swedish writes dates as Finnish does: 5.3.2020, 5.3.2020 kl. 14.30.
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = "j.n.Y \\k\\l. H.i"

"""Date formats where Django's locale does not fit the site's readers.

Django's Swedish is Sweden's (2020-03-05); Finland-Swedish writes 5.3.2020, as Finnish does.
Django's English is American (03/05/2020), which a European reader takes for 3 May; day,
month name and year read the same everywhere. Everything else comes from Django's locales.
"""

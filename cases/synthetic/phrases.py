"""Sentence templates for synthetic cases, in the vocabulary of Nordic MAL-type work.

Framework-free data. Pools keyed by a MALPE theme are used only for cases with that theme
(None: any case), so a housing-only case does not talk about buses and the word
"transport" hits about as large a share of cases as in the starter content. Slots in
braces are filled by `writing.write_case()`.
"""

# English titles per instrument and country.
TITLES = {
    "agreement": {
        "NO": [
            "Urban growth agreement for the {town} region",
            "{town} urban growth agreement {y1}–{y2}",
            "{town} city package and growth agreement",
        ],
        "SE": [
            "{town} urban environment agreement",
            "{town} housing and rail agreement",
            "{town} agreement on {project_short}",
        ],
        "DK": [
            "{town} agreement on {project_short}",
            "Agreement on the {town} mobility plan",
            "{town} municipal plan agreement",
        ],
        "FI": [
            "MAL agreement for the {town} region {y1}–{y2}",
            "{town} region land use, housing and transport agreement",
        ],
    },
    "statutory-plan": {
        "NO": ["Regional plan for land use and transport in the {town} region"],
        "SE": ["Comprehensive plan for {town}", "Regional development plan for {town}"],
        "DK": ["Municipal plan {y1} for {town}", "Planning directive for the {town} area"],
        "FI": ["{town} regional land-use plan {y2}", "{town} master plan"],
    },
    "strategic-plan": {
        "NO": ["Strategic plan for the {town} region", "{town} area strategy"],
        "SE": ["Structure plan for the {town} region", "{town} growth strategy"],
        "DK": ["{town} urban development strategy", "Development strategy for {town}"],
        "FI": ["{town} region structure plan {y2}", "{town} urban structure vision"],
    },
    "funding-scheme": {
        "NO": ["Bypakke {town}", "{town} city package (bypakke)", "Reward scheme in {town}"],
        "SE": ["Climate Leap grants in {town}", "{town} investment fund"],
        "DK": ["Urban renewal fund projects in {town}", "{town} fund for {project_short}"],
        "FI": ["Sustainable growth grants in {town}", "{town} climate investment support"],
    },
    "national-policy": {
        "NO": ["Zero-growth target applied in the {town} region"],
        "SE": ["National housing target in {town}", "Fossil-free target in {town}"],
        "DK": ["National planning directive for the {town} area"],
        "FI": ["National land-use guidelines in the {town} region"],
    },
    "development-company": {
        "NO": ["{town} station-area development company"],
        "SE": ["{town} station-district development company"],
        "DK": ["{town} harbour development company", "{town} urban development company"],
        "FI": ["{town} development company"],
    },
    "partnership": {
        "NO": ["{town} land-use partnership", "{town} regional cooperation"],
        "SE": ["{town} regional planning cooperation", "{town} growth partnership"],
        "DK": ["{town} municipal planning partnership", "{town} growth cooperation"],
        "FI": ["{town} region municipal cooperation", "{town} region growth partnership"],
    },
    "climate-contract": {
        "NO": ["{town} climate partnership", "{town} climate city agreement"],
        "SE": ["{town} climate city contract 2030", "{town} climate contract"],
        "DK": ["{town} DK2020 climate plan", "{town} climate city contract"],
        "FI": ["{town} climate city contract", "{town} carbon-neutral city commitment"],
    },
    "infrastructure-project": {
        "NO": ["{town} {project_short}", "{town} {project_short}, first stage"],
        "SE": ["{town} {project_short}", "{town} {project_short} project"],
        "DK": ["{town} {project_short}", "{town} {project_short} extension"],
        "FI": ["{town} {project_short}", "{town} {project_short} project"],
    },
}
# Names in the case's own language per instrument and country.
ORIGINAL_NAMES = {
    "agreement": {
        "NO": ["Byvekstavtale for {town}-området {y1}–{y2}", "Bypakke {town}"],
        "SE": ["Stadsmiljöavtal för {town}", "Storstadspaket {town}"],
        "DK": ["Aftale om {project_local}", "Kommuneplanaftale for {town}"],
        "FI": ["{of} seudun MAL-sopimus {y1}–{y2}"],
    },
    "statutory-plan": {
        "NO": ["Regional plan for areal og transport i {town}-regionen"],
        "SE": ["Översiktsplan för {town}"],
        "DK": ["Kommuneplan {y1} for {town} Kommune"],
        "FI": ["{of} maakuntakaava {y2}"],
    },
    "strategic-plan": {
        "NO": ["Strategisk plan for {town}-regionen"],
        "SE": ["Strukturbild för {town}sregionen"],
        "DK": ["Udviklingsstrategi for {town}"],
        "FI": ["{of} seudun rakennesuunnitelma {y2}"],
    },
    "funding-scheme": {
        "NO": ["Bypakke {town}", "Belønningsavtale for {town}"],
        "SE": ["Klimatklivet i {town}", "Investeringsfonden i {town}"],
        "DK": ["Byfornyelsespuljen i {town}"],
        "FI": ["{of} kestävän kasvun avustukset"],
    },
    "national-policy": {
        "NO": ["Nullvekstmålet i {town}-regionen"],
        "SE": ["Bostadsmålet i {town}"],
        "DK": ["Landsplandirektiv for {town}-området"],
        "FI": ["Valtakunnalliset alueidenkäyttötavoitteet {of} seudulla"],
    },
    "development-company": {
        "NO": ["{town} Stasjonsbyutvikling AS"],
        "SE": ["{of} stationsstadsbolag"],
        "DK": ["{town} Havn Udvikling P/S", "{town} Byudvikling P/S"],
        "FI": ["{of} kehitysyhtiö"],
    },
    "partnership": {
        "NO": ["Areal- og transportsamarbeidet i {town}", "Regionrådet for {town}"],
        "SE": ["Samverkan {town}sregionen"],
        "DK": ["Plansamarbejdet i {town}", "Vækstsamarbejdet i {town}"],
        "FI": ["{of} seudun kuntayhteistyö"],
    },
    "climate-contract": {
        "NO": ["Klimapartnerskap {town}"],
        "SE": ["Klimatkontrakt 2030 för {town}"],
        "DK": ["DK2020-klimaplan for {town}"],
        "FI": ["{of} ilmastokaupunkisopimus"],
    },
    "infrastructure-project": {
        "NO": ["{project_local}"],
        "SE": ["{project_local}"],
        "DK": ["{project_local}"],
        "FI": ["{project_local}"],
    },
}
DETAILS = {
    "agreement": [
        "Agreement between the state, the county and the municipalities that ties state "
        "funding for {project} to commitments on housing and land use",
        "Negotiated agreement on co-funding {project}, with housing targets in return",
        "Agreement on {project} financed by the state and the municipalities",
    ],
    "statutory-plan": [
        "Binding plan that sets where the region's growth in homes and jobs may go",
        "Statutory land-use plan that steers new housing to the areas around {project}",
    ],
    "strategic-plan": [
        "Non-binding structure plan agreed by the municipalities of the region",
        "Joint strategy that the municipal plans are to follow, without legal force",
    ],
    "funding-scheme": [
        "State grant scheme with local co-funding for {project}",
        "Package of projects financed by the state, the municipalities and local charges",
    ],
    "national-policy": [
        "National target that state funding in the region depends on",
        "National guideline that regional and municipal plans must take into account",
    ],
    "development-company": [
        "Company owned by the municipality and the state that develops land around {project}",
        "Development company that sells building rights to help pay for {project}",
    ],
    "partnership": [
        "Voluntary partnership of municipalities, the county and state agencies",
        "Partnership with a joint political steering group and a small secretariat",
    ],
    "climate-contract": [
        "Climate city contract with the state and a national innovation programme",
        "Commitment by the city, companies and the state to a shared climate target",
    ],
    "infrastructure-project": [
        "Infrastructure project owned jointly by the municipality and the region",
        "Project co-financed by the state, the region and the city",
    ],
}
NOUNS = {
    "agreement": "agreement",
    "statutory-plan": "plan",
    "strategic-plan": "strategy",
    "funding-scheme": "funding scheme",
    "national-policy": "national target",
    "development-company": "development company",
    "partnership": "partnership",
    "climate-contract": "climate contract",
    "infrastructure-project": "project",
}
# The project a case is about: (theme, weight, long phrase, short phrase, local name) by
# country. Light rail is "letbane" in Danish and often in Norwegian, "bybane" in Bergen.
PROJECTS = {
    "NO": [
        ("transport", 2, "the {town} letbane (light rail)", "light rail", "{town} letbane"),
        ("transport", 1, "the {town} bybane (light rail)", "light rail", "Bybanen i {town}"),
        (
            "transport",
            3,
            "bus rapid transit on the main corridors",
            "bus rapid transit",
            "Superbuss {town}",
        ),
        (
            "transport",
            3,
            "cycle superhighways into {town}",
            "cycle superhighways",
            "Sykkelekspressveier i {town}",
        ),
        (
            "transport",
            2,
            "a new commuter-rail tunnel",
            "commuter-rail tunnel",
            "Jernbanetunnel {town}",
        ),
        (
            "land-use",
            3,
            "the redevelopment of the old port",
            "port redevelopment",
            "Fjordbyen {town}",
        ),
        (
            "housing",
            3,
            "a new housing district near the station",
            "station district",
            "Stasjonsbyen {town}",
        ),
    ],
    "SE": [
        ("transport", 2, "the {town} spårväg (tramway)", "tramway", "Spårväg {town}"),
        (
            "transport",
            3,
            "bus rapid transit on the main corridors",
            "bus rapid transit",
            "Stadsbuss {town}",
        ),
        (
            "transport",
            3,
            "cycle superhighways into {town}",
            "cycle superhighways",
            "Supercykelstråk {town}",
        ),
        (
            "transport",
            2,
            "a new commuter-rail station",
            "commuter-rail station",
            "Pendeltågsstation {town}",
        ),
        (
            "land-use",
            3,
            "the redevelopment of the old port",
            "port redevelopment",
            "Hamnstaden {town}",
        ),
        (
            "housing",
            3,
            "a new housing district near the station",
            "station district",
            "Stationsstaden {town}",
        ),
    ],
    "DK": [
        ("transport", 3, "the {town} letbane (light rail)", "light rail", "{town} Letbane"),
        ("transport", 2, "a BRT line to the university", "BRT line", "{town} BRT"),
        (
            "transport",
            3,
            "cycle superhighways into {town}",
            "cycle superhighways",
            "Supercykelstier i {town}",
        ),
        ("transport", 1, "a new S-train station", "S-train station", "S-togsstation {town}"),
        (
            "land-use",
            3,
            "the redevelopment of the old port",
            "port redevelopment",
            "Havnebyen {town}",
        ),
        (
            "housing",
            3,
            "a new housing district near the station",
            "station district",
            "Stationsbyen {town}",
        ),
    ],
    "FI": [
        ("transport", 2, "the {of} raitiotie (tramway)", "tramway", "{of} raitiotie"),
        (
            "transport",
            3,
            "trunk bus lines on the main corridors",
            "trunk bus lines",
            "{of} runkobussilinjat",
        ),
        (
            "transport",
            3,
            "cycle superhighways into {town}",
            "cycle superhighways",
            "{of} baanaverkko",
        ),
        (
            "transport",
            2,
            "a new commuter-rail station",
            "commuter-rail station",
            "{of} lähijunaseisake",
        ),
        (
            "land-use",
            3,
            "the redevelopment of the old port",
            "port redevelopment",
            "{of} satamakaupunginosa",
        ),
        (
            "housing",
            3,
            "a new housing district near the station",
            "station district",
            "{of} asemanseutu",
        ),
    ],
}
THEME_WORDS = {
    "land-use": "land use",
    "housing": "housing",
    "transport": "transport",
    "services": "services",
    "business": "business development",
}

SUMMARIES = [
    "{Noun} in which {p1}, {p2} and the state plan {themes} together in the {town} region.",
    "{Noun} of the {town} region that links {themes} around {project}.",
    "{p1} and {p2} use this {noun} to steer growth in homes and jobs towards {project}.",
]
SUMMARY_ENDS = [
    " It runs from {y1}{until}.",
    " The parties share the cost of {project} and commit to {homes} new homes.",
    " Its aim is to let the region grow within its present built-up area.",
    " It is one of the {country} models that Finnish MAL work looks to.",
]
CHALLENGES = {
    None: [
        "The {town} region grows by about {growth} inhabitants a year, and most of the "
        "growth has come on the edge of the city.",
        "The municipalities planned separately, and each competed for the same residents "
        "and firms.",
        "Rising costs and a shrinking state budget made large projects hard to finance.",
    ],
    "transport": [
        "Car traffic on the main roads into {town} rose by {pct1} % between {y0} and {y1}.",
        "Queues on the ring road and crowded buses at peak hours limited where new homes "
        "could be built.",
        "Transport accounts for about {pct2} % of the region's greenhouse-gas emissions.",
        "Public transport carried only {pct3} % of trips, well below the regional target.",
        "Commuting across municipal borders has grown, but bus and train services were "
        "planned by each municipality on its own.",
    ],
    "housing": [
        "Housing prices in {town} rose faster than incomes, and young households moved out "
        "to the neighbouring municipalities.",
        "Too few rental homes were built, and waiting lists for them grew to several years.",
    ],
    "land-use": [
        "New shopping centres and housing areas were placed far from the rail stations.",
        "The old port and rail yards near the centre lay empty while fields on the edge of "
        "{town} were built over.",
    ],
    "services": [
        "Schools and health centres in the new districts opened years after the first "
        "residents moved in.",
    ],
    "business": [
        "Firms found it hard to recruit because workers could not reach the business parks.",
    ],
}
WORKINGS = {
    None: [
        "{p1} and {p2} signed the {noun} in {y1}, with {p3} as a further party.",
        "A joint political steering group meets four times a year, and an administrative "
        "group prepares its decisions.",
        "The {noun} runs from {y1} to {y2} and is revised every four years.",
        "{p1} hosts a small secretariat with {staff} staff that prepares the joint decisions.",
        "Each municipality adapts its own master plan to the shared map of growth areas.",
        "The state covers {share} % of the cost of {project}, estimated at {cur} {amount} bn, "
        "and the municipalities and the county share the rest.",
        "Progress is followed with a set of indicators, reported every year.",
    ],
    "transport": [
        "Road tolls collect about {cur} {toll} m a year for public transport, cycling and "
        "walking.",
        "Progress is followed with indicators on car traffic, housing starts and "
        "public-transport trips.",
        "The county's public-transport company plans the bus network together with the "
        "municipalities.",
        "The {noun} also covers cycling: the municipalities build connected routes and the "
        "state pays part of the cost.",
        "Parking standards for new buildings were lowered to {parking} spaces per 100 square "
        "metres of floor area.",
        "The {noun} is revised when a new national transport plan is adopted.",
    ],
    "housing": [
        "In return the municipalities commit to plan for about {homes} new homes within "
        "{km} km of stations and stops.",
        "A third of the new homes are to be rental flats at regulated rents.",
    ],
    "land-use": [
        "Housing is concentrated in {nodes} growth centres along the main corridors.",
        "Land around {project} is sold once the plans are approved, and the proceeds help "
        "pay for it.",
        "Plans that place large workplaces outside the growth centres are to be avoided.",
    ],
    "services": [
        "Schools, day care and health centres are planned at the same time as the homes.",
    ],
    "business": [
        "Business areas are placed where the region's labour market can reach them.",
    ],
}
CLIMATE = {
    None: [
        "{town} aims to be climate neutral by {target}.",
        "No numeric climate target is recorded; the climate role is to concentrate growth "
        "in existing centres.",
        "Emissions are to fall by {pct4} % by {target} compared with {base}.",
    ],
    "transport": [
        "The parties aim to keep car traffic at the level of {y0} while the population grows.",
        "Greenhouse-gas emissions from transport are to fall by {pct4} % by {target} "
        "compared with {base}.",
        "The region aims for {pct5} % of trips to be made on foot, by bicycle or by public "
        "transport by {target}.",
    ],
    "housing": ["New homes are to meet a limit on their climate footprint from {target}."],
    "land-use": [
        "New districts are to be planned so that most daily trips can be made without a car.",
    ],
}
RESULTS = {
    None: [
        "An evaluation in {y3} found that the commitments were only partly met.",
        "Work was delayed by two years by appeals and rising costs.",
        "The municipalities now report on the same indicators every year.",
    ],
    "transport": [
        "Public-transport trips rose by {pct1} % between {y1} and {y3}.",
        "Car traffic at the toll ring fell by {pct6} % in the first years.",
        "The share of trips by bicycle rose from {pct7} % to {pct8} %.",
        "The first stage of {project} opened in {y3}.",
    ],
    "housing": ["About {done} homes have been completed near stations since {y1}."],
    "land-use": ["Over {pct5} % of new homes were built inside the growth centres."],
}
EARLY_RESULTS = [
    "Results are not yet documented; the work is at an early stage.",
    "The first projects are under way, but no evaluation has been published yet.",
]
LESSONS = {
    None: [
        "Tying state money for {project} to concrete commitments could strengthen the "
        "Finnish MAL agreements.",
        "A shared set of indicators with yearly reporting makes the {noun} easier to follow "
        "up than current MAL monitoring.",
        "A joint political steering group across municipal borders resembles the MAL "
        "negotiation groups in Finland.",
        "Smaller Finnish city regions could use a lighter version of the model, without "
        "state co-funding.",
    ],
    "transport": [
        "The road-toll funding model has no counterpart in Finland and would need new "
        "legislation.",
        "The {noun} shows that transport and housing targets hold only when the money "
        "follows them.",
    ],
    "land-use": [
        "Finnish city regions could learn from the way the value of land near stations "
        "helps pay for rail.",
    ],
}
STATUS_NOTES = {
    "ongoing": [
        "The {noun} runs until {y2}; a renegotiation began in {y3}.",
        "Work is under way; the next stage is being planned.",
    ],
    "planned": [
        "Financing and the final decision are expected in {y1}.",
        "The parties are still negotiating the details.",
    ],
    "completed": [
        "The work ended in {y2}; its results are being evaluated.",
        "All stages were finished by {y2}.",
    ],
    "discontinued": [
        "The work was stopped in {y2} after the parties disagreed on funding.",
        "The {noun} lapsed in {y2} and was not renewed.",
    ],
}
EVIDENCE_NOTES = {
    "well-sourced": [""],
    "partly-sourced": [
        "The figures for the budget are not yet confirmed by a source.",
        "The housing numbers come from the parties and are not checked.",
    ],
    "weak": [
        "Most facts come from a single news article and still need checking.",
        "Only the parties' own web pages have been found so far.",
    ],
}
# (label, unit, lowest, highest, decimals); {cur} in a unit is the country's currency.
FIGURES = [
    ("Total budget", "{cur} bn", 0.5, 60, 1),
    ("State share of funding", "%", 30, 70, 0),
    ("New homes planned", "homes", 1000, 60000, 0),
    ("Light-rail length", "km", 5, 40, 1),
    ("Stations and stops", "stops", 5, 60, 0),
    ("Daily passengers", "passengers", 5000, 150000, 0),
    ("Cycle routes built", "km", 10, 200, 0),
    ("Cut in car traffic", "%", 2, 25, 0),
    ("Public-transport mode share", "%", 10, 45, 0),
    ("Municipalities involved", "municipalities", 2, 26, 0),
    ("Population of the region", "inhabitants", 50000, 2500000, 0),
    ("Yearly toll income", "{cur} m", 50, 3000, 0),
    ("Emission cut target", "%", 20, 80, 0),
    ("Jobs near stations", "jobs", 2000, 90000, 0),
    ("Agreement period", "years", 4, 12, 0),
]
FIGURE_NOTES = ["", "", "", "In the prices of that year", "Estimate by the parties"]
EVENTS = [
    "Negotiations between the state and the region begin",
    "The {noun} is signed",
    "The municipal councils approve the {noun}",
    "The regional plan is adopted",
    "Work on {project} begins",
    "The first stage of {project} is finished",
    "A mid-term evaluation is published",
    "The {noun} is renegotiated",
    "The state budget includes the first instalment",
    "The steering group adopts a new action programme",
    "A public consultation on the plan is held",
    "{p1} joins as a party",
    "The parties agree on a new housing target",
    "An independent evaluation is commissioned",
]
SOURCE_TITLES = [
    "{publisher} page on the {noun}",
    "Evaluation of the {title}",
    "News article on {project}",
    "Council decision on the {noun}",
    "Annual follow-up report {y3}",
    "{Noun} text as signed",
    "Overview of {project}",
]

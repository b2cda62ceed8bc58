"""The words names are made of and stand beside: titles, honorifics, nationalities and peoples,
organisation words, places, capitalised common words, nouns for people and organisations.

Plain data (and :func:`trie`, which turns a word list into a fast regular expression).
"""

from __future__ import annotations

import re



ABBR_TITLE_WORDS: frozenset[str] = frozenset(
    """Mr Mrs Ms Dr Sen Rep Reps Sens Gov Gen Gens Lt Col Capt Sgt Adm Maj Prof Rev Msgr Fr Cpl Pvt Brig
    Cmdr Supt Atty Insp Det Pres Amb Hon Rt Ald Pfc Spc Ens Cdr Gov-elect""".split()
)
"""Abbreviated titles written with a full stop (``Sen.``, ``Rev.``): roles, never names."""


PARTICLES = r"(?:van|von|de|der|den|del|della|di|da|du|dos|das|ten|ter|la|le|bin|ibn|al|el|y|st\.|in[ \u00a0]['’]t|['’]t)"


BRITISH_RANKS: frozenset[str] = frozenset(
    """Insp Supt Cpl Cllr Baroness Viscount Viscountess Marquess Taoiseach Tánaiste Tanaiste
    Const Bdr Gdsm Fus Rfn Spr LCpl""".split()
)
"""Ranks and titles British, Irish and wire prose write before a name without a full stop (``Det Insp``,
``Supt``, ``Cllr``, ``Baroness``, ``Taoiseach``): titles, never names. ``Det``, ``Ch``, ``Con``, ``Rt``,
``Hon`` and police ranks in capitals (``PC``, ``DCI``) are titles only beside another rank or before a
given name (see :func:`~.phrases.names.parse_name`): alone they are words or names (``Con Edison``,
``Hon Hai``, ``Det Norske Veritas``)."""


POST_NOMINALS: frozenset[str] = frozenset("MP MEP MSP MLA TD QC KC OBE MBE CBE KBE DBE".split())
"""Letters after a name that say what the person is (``Jane Roe MP``, ``Tom Hale QC``): no part of the
name; after a party or a place alone they describe somebody (``the Labour MP``)."""


TITLES: frozenset[str] = frozenset(
    """
    President Vice Prime Minister Foreign Defense Defence Interior Finance Secretary State Sen.
    Senator Rep. Representative Gov. Governor Mayor Dr. Prof. Professor Judge Justice Chief Gen.
    General Lt. Col. Capt. Sgt. Adm. Maj. Cmdr. Coach Chancellor King Queen Prince Princess Pope
    Speaker Chairman Chairwoman CEO CFO COO CTO Deputy Attorney Ambassador Rev. Sheriff
    Commissioner Lord Lady Sir Dame President-elect Premier Director Secretary-General Leader
    Majority Minority Press Spokesman Spokeswoman Spokesperson Manager Captain Commander
    Colonel Admiral Sergeant Lieutenant Officer Detective Inspector Superintendent Chief Executive
    Justice Councilman Councilwoman Councillor Alderman Congressman Congresswoman Assemblyman
    Assemblywoman Senate House Sens. Reps. Gen. Pres. Amb. Hon. Det. Insp. Supt. Atty. Father
    Sister Brother Bishop Archbishop Cardinal Rabbi Imam Sheikh Emir Crown Head Founder Chair
    Ex-President Former Acting Interim Assistant Associate Executive Managing Senior Junior
    Economy Trade Health Education Energy Transport Transportation Treasury Commerce Agriculture
    Labor Labour Justice Homeland Security Environment Culture Sports Sport National Federal
    Supreme Circuit District Special Counsel Advisor Adviser Envoy Representative
    Msgr. Fr. Cpl. Pvt. Brig. Cmdr. Rt. Ald. Pfc. Spc. Cdr. Reverend Pastor Mufti Ayatollah Grand
    Dr Prof Sen Rep Gov Gen Rev Msgr Fr Lt Col Capt Sgt Adm Maj Doctor Mother Saint Elder Deacon
    Governor-elect Vice-President Lieutenant-General Major-General Brigadier Corporal Private
    Coach Manager Skipper Officer Trooper Deputy Marshal Ranger Warden
    """.split()
) | BRITISH_RANKS


HONORIFICS: frozenset[str] = frozenset("Mr. Mrs. Ms. Miss Mx. Mr Mrs Ms".split())


NATIONALITIES: frozenset[str] = frozenset(
    """
    Russian American US U.S. UK U.K. British English Scottish Welsh Irish Ukrainian Chinese
    French German Israeli Iranian Indian Japanese Korean Turkish Polish Italian Spanish Canadian
    Mexican Brazilian Australian Saudi Syrian Iraqi Afghan Pakistani Egyptian European Belarusian
    Georgian Finnish Swedish Norwegian Danish Dutch Belgian Swiss Austrian Hungarian Czech
    Romanian Greek Portuguese Argentine Chilean Venezuelan Cuban Palestinian Lebanese Jordanian
    Qatari Emirati Nigerian Kenyan South North Western Eastern Democratic Republican Conservative
    Labour Liberal Soviet Kremlin NATO EU UN Republican Democrat GOP Texas California Florida
    """.split()
)


DEMONYMS: frozenset[str] = frozenset(
    """
    Argentine Argentinian Briton Brit Frenchman Frenchwoman Englishman Englishwoman Scot Scotsman
    Welshman Irishman Dutchman Dane Swede Finn Pole Serb Croat Slovak Slovene Spaniard Swiss Kiwi
    Aussie Texan Californian Floridian Ohioan Virginian Georgian Bostonian Chicagoan Angeleno
    New-Yorker Yorker Muscovite Londoner Parisian Berliner Democrat Republican Conservative Tory
    Liberal Socialist Independent Progressive Libertarian Catholic Protestant Muslim Jew Christian
    Mormon Baptist Yankee Laker Cowboy Brave Met Knick Celtic Jet Giant Raider Dodger
    """.split()
)
"""Single capitalised words that describe a person (``the Argentine said``): never a name."""


PEOPLE_ADJECTIVES: frozenset[str] = frozenset(
    """
    Latin Latino Latina Hispanic Arab Arabic Asian African Persian Hebrew Slavic Nordic Celtic Baltic
    Balkan Caribbean Scandinavian Mediterranean Estonian Latvian Lithuanian Ukrainian Bulgarian Serbian
    Croatian Slovenian Slovak Albanian Armenian Azerbaijani Kazakh Uzbek Mongolian Tibetan Vietnamese
    Thai Filipino Indonesian Malaysian Burmese Cambodian Korean Taiwanese Nepali Bengali Punjabi Urdu
    Hindi Tamil Kurdish Yemeni Libyan Tunisian Moroccan Algerian Somali Ethiopian Sudanese Ghanaian
    Colombian Peruvian Bolivian Ecuadorian Uruguayan Paraguayan Dominican Haitian Jamaican
    Mandarin Cantonese Yiddish Gaelic Basque Catalan Flemish Icelandic Maltese Cypriot
    """.split()
)
"""Adjectives of peoples, languages and regions besides :data:`NATIONALITIES` (``added Latin hits``):
one such word alone names nobody."""


ORG_WORDS: frozenset[str] = frozenset(
    """
    House Council Committee Commission Ministry Department Agency Office Bureau Service Court
    Parliament Assembly Senate Congress Party Front Army Navy Forces Force Guard Corps Bank Fund
    Company Corporation Corp Corp. Co Co. Inc Inc. Ltd Ltd. Plc PLC AG SA LLC Group Holdings Partners Capital
    Association Institute University College School Academy Foundation Society Club Team Times
    Post Journal News Press Herald Tribune Gazette Telegraph Guardian Review Magazine Network Daily
    Media Radio TV Television Channel Broadcasting Airlines Airways Motors Technologies Systems
    Labs Studios Records Entertainment Sports Union Federation League Organization Organisation
    Alliance Coalition Center Centre Government Administration Kremlin Pentagon Duma Cabinet
    Commission Reuters Bloomberg Associated Sputnik Interfax TASS Xinhua Police Authority
    Board Trust Hospital Church Kingdom Republic Emirates Nations States Union Navy Command
    Brigade Regiment Battalion Division Ministry Embassy Consulate Secretariat Tribunal Agency Convention
    Watch
    Express Mail Sun Mirror Observer Independent Economist Atlantic Insider Politico Axios
    Stadium Arena Park Street Avenue Road Square Bridge Building Hall Palace Tower Airport Yard
    War Crisis Relations Policy Summit Election Elections Day Act Plan Deal Accord Agreement Era
    Cup Games Olympics Series Award Prize Conference Forum Festival Week Show Tour Championship
    Championships Open Bowl Finals Final Classic Grand Prix Revolution Treaty Doctrine Initiative
    River Sea Ocean Mountain Mountains Island Islands Valley Region Province City County District
    Coast Bay Lake Gulf Peninsula Strait Desert Square Zone Line Border Front Europe Asia Africa
    America Americas Oblast Krai Territory Territories Capitol Street Wall Internet Web
    Reserve Fed Bancorp Airline Motor Pharmaceuticals Pharma Exchange Treasury
    Securities plc Investments Advisors Advisers Bancshares Financial Economics
    Agencies Commissions Ministries Departments Institutes Universities Associations Unions
    Energy Power Utilities Electric Oil Gas Petroleum Resources Mining Steel Chemicals Foods
    Communications Telecom Wireless Software Semiconductor Semiconductors Robotics Therapeutics
    Biotech Health Healthcare Insurance Logistics Shipping Railways Railroad Enterprises Industries
    Brands Stores Markets Ventures Solutions Services Platforms Games Interactive Digital
    Institution Institutions Legion Research Caucus Fellowship Brotherhood Guild Consortium Syndicate Conservancy
    """.split()
)


GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    """
    Times Post Journal News Press Herald Tribune Gazette Telegraph Guardian Review Magazine Network Daily
    Media Radio TV Television Channel Ministry Department Agency Office Bureau Service Council Committee
    Commission Court Party Company Corporation Corp Corp. Co Co. Inc Inc. Group Bank Fund Association
    Institute University College School Academy Foundation Society Club Team Union Federation League
    Organization Organisation Alliance Coalition Center Centre Government Administration Board Trust
    Hospital Church Embassy Consulate Secretariat Tribunal Authority Police Army Navy Forces Force Guard
    Express Mail Sun Mirror Observer Independent
    """.split()
)
"""Organisation words that name nothing on their own (``the Times``, ``the Ministry``): they stand for
the fuller name the article gives (``The New York Times``), or for nobody."""


MASTHEAD_NOUNS: frozenset[str] = frozenset(
    """
    Star Sentinel Dealer Inquirer Enquirer Chronicle Globe Bee Courier Register Examiner Dispatch Ledger
    Bulletin Standard Record Beacon Monitor Statesman Leader Argus Clarion
    Advertiser Advocate Oregonian Plain-Dealer Star-Ledger Star-Tribune Times-Picayune Free-Press
    """.split()
)
"""Nouns newspapers are named with besides the :data:`ORG_WORDS` ones (``Philippine Star``, ``Orlando
Sentinel``, ``Plain Dealer``): as the last word of a name that opens with no given name, a masthead."""


_COUNTRIES = """
    Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
    Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Herzegovina Botswana
    Brazil Brunei Bulgaria Faso Burundi Cambodia Cameroon Canada Chile China Colombia Comoros
    Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Ecuador Egypt Eritrea Estonia Eswatini Ethiopia
    Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Guatemala Guinea Guyana Haiti Honduras
    Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
    Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco
    Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nepal Netherlands Zealand Nicaragua Niger
    Nigeria Macedonia Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Senegal Serbia Singapore Slovakia Slovenia Somalia Sudan Spain Lanka
    Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tunisia Turkey
    Turkmenistan Uganda Ukraine Emirates Britain England Scotland Wales Uruguay Uzbekistan Vatican
    Venezuela Vietnam Yemen Zambia Zimbabwe Gaza Crimea
"""


COUNTRY_WORDS: frozenset[str] = frozenset(_COUNTRIES.split())
"""Countries (and the nations of the United Kingdom), by the words that name them; names that are
also common given names (``Chad``, ``Sierra``) are left out."""


_CAPITALS = """
    Kabul Tirana Algiers Luanda Aires Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels Sarajevo
    Brasilia Ouagadougou Penh Yaounde Ottawa Beijing Bogota Kinshasa Havana Nicosia Prague
    Copenhagen Cairo Tallinn Ababa Helsinki Paris Tbilisi Berlin Accra Athens Budapest Reykjavik
    Delhi Jakarta Tehran Baghdad Dublin Jerusalem Rome Tokyo Amman Astana Nairobi Pristina Bishkek
    Vientiane Riga Beirut Tripoli Vilnius Lumpur Bamako Valletta Chisinau Ulaanbaatar Podgorica
    Rabat Maputo Naypyidaw Windhoek Kathmandu Amsterdam Managua Niamey Abuja Pyongyang Skopje Oslo
    Muscat Islamabad Asuncion Lima Manila Warsaw Lisbon Doha Bucharest Moscow Kigali Riyadh Dakar
    Belgrade Bratislava Ljubljana Mogadishu Pretoria Seoul Juba Madrid Colombo Khartoum Stockholm Bern
    Damascus Taipei Dushanbe Dodoma Bangkok Tunis Ankara Ashgabat Kampala Kyiv Kiev Dhabi London
    Washington Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare Quito Edinburgh Belfast Cardiff
"""
"""National capitals (and those of the United Kingdom's nations); ``Sofia``, ``Kingston``,
``Santiago``, ``Wellington`` and ``Victoria`` are names of people too and are left out."""


US_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.",), "Alaska": (), "Arizona": ("Ariz.",), "Arkansas": ("Ark.",),
    "California": ("Calif.", "Calif"), "Colorado": ("Colo.", "Colo"), "Connecticut": ("Conn.",),
    "Delaware": ("Del.",), "Florida": ("Fla.", "Fla"), "Georgia": ("Ga.",), "Hawaii": (), "Idaho": (),
    "Illinois": ("Ill.",), "Indiana": ("Ind.",), "Iowa": (), "Kansas": ("Kan.", "Kans."), "Kentucky": ("Ky.",),
    "Louisiana": ("La.",), "Maine": (), "Maryland": ("Md.",), "Massachusetts": ("Mass.", "Mass"),
    "Michigan": ("Mich.", "Mich"), "Minnesota": ("Minn.", "Minn"), "Mississippi": ("Miss.",),
    "Missouri": ("Mo.",), "Montana": ("Mont.",), "Nebraska": ("Neb.", "Nebr."), "Nevada": ("Nev.",),
    "New Hampshire": ("N.H.",), "New Jersey": ("N.J.",), "New Mexico": ("N.M.",), "New York": ("N.Y.",),
    "North Carolina": ("N.C.",), "North Dakota": ("N.D.",), "Ohio": (), "Oklahoma": ("Okla.",),
    "Oregon": ("Ore.", "Oreg."), "Pennsylvania": ("Pa.",), "Rhode Island": ("R.I.",),
    "South Carolina": ("S.C.",), "South Dakota": ("S.D.",), "Tennessee": ("Tenn.", "Tenn"),
    "Texas": ("Tex.", "Tex"), "Utah": (), "Vermont": ("Vt.",), "Virginia": ("Va.",), "Washington": ("Wash.",),
    "West Virginia": ("W.Va.", "W.Va"), "Wisconsin": ("Wis.", "Wisc.", "Wis"), "Wyoming": ("Wyo.",),
}
"""The fifty states of the United States and their AP-style abbreviations (with and without the stop)."""


US_STATE_NAMES: frozenset[str] = (
    frozenset(w for name in US_STATES for w in name.split())
    | frozenset(a for abbrevs in US_STATES.values() for a in abbrevs)
    | {"D.C."}
)
"""Every word of the states' names (``New``, ``Hampshire``), their AP-style abbreviations and ``D.C.``."""


_US_STATES = " ".join(w for name in US_STATE_NAMES for w in name.split("\u00a0"))
"""The words of the states' names (``Hampshire``, ``Dakota``)."""


_CITIES = """
    York Chicago Houston Philadelphia Dallas Jacksonville Indianapolis Seattle Denver Nashville Boston
    Detroit Louisville Baltimore Milwaukee Albuquerque Tucson Fresno Sacramento Atlanta Omaha Miami
    Oakland Minneapolis Tulsa Bakersfield Wichita Manhattan Brooklyn Hollywood
    Shanghai Mumbai Karachi Istanbul Lagos Osaka Sydney Melbourne Toronto Montreal Vancouver
    Johannesburg Dubai Frankfurt Munich Hamburg Milan Naples Barcelona Zurich Geneva Petersburg Kong
    Shenzhen Guangzhou Kolkata Chennai Bangalore Lahore Casablanca Marseille Sochi Kharkiv Odesa
    Odessa Donetsk Luhansk Kherson Zaporizhzhia Zaporizhia Donbas Donbass
"""
"""Cities: the fifty most populous of the United States (2020 census) and the world's largest and
best-known cities that are not capitals, by a word that names nothing else: those that open with
``San``, ``Los``, ``Las``, ``Fort``, ``El``, ``São`` are known by that word (``San Diego``), and the
words that are also people's names (``Austin``, ``Charlotte``, ``Columbus``, ``Phoenix``, ``Hong``,
``Antonio``) are left out. Smaller towns are not listed: ``Nashua, N.H.`` or ``Davenport, Iowa`` are
places by the state that follows them (see :func:`~.phrases.names.place_before_state`).
"""


_REGIONS = """
    Europe Asia Africa America Americas Arctic Antarctica Atlantic Pacific Mediterranean Baltic Balkans
    Caucasus Siberia Scandinavia Midwest Dnieper
"""
"""Continents, oceans and seas, and large regions."""


PLACES: frozenset[str] = frozenset(
    (_COUNTRIES + _CAPITALS + _US_STATES + _CITIES + _REGIONS).split()
) - {"New", "North", "South", "West", "D.C."} | {"Ukraine’s"}
"""Places that name no speaker: general knowledge only (countries, capitals, US states, the largest
cities, continents and regions), never a list of the towns a particular set of articles covers."""


COMMON_CAPS: frozenset[str] = frozenset(
    """
    The A An This That These Those It He She They We I You His Her Their Our Its My Your However
    In On At For From With When While If But And Or So As Since During After Before Despite
    Although Though Because Also Meanwhile Moreover Similarly Still Yet Instead Indeed Finally
    Then Now Today Yesterday Tomorrow Last Next Earlier Later Separately Additionally Furthermore
    Nonetheless Nevertheless Thus Therefore Asked Speaking According Under Over Unlike Like
    Following Given Once Until Upon Among Between Both Each Every Some Many Most Much More Few
    Several Such Other Another No Not Only Even Just What Who Whom Whose Which Why How Where
    There Here Is Are Was Were Be Been Do Does Did Can Could Will Would Should May Might Must
    Shall Let Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec To Of By Into Onto About Against Through Across Around Without Within
    Having Being Watch Read Source Author Publish Copyright Comments Comment Conclusion Context Photo Image
    File Getty Advertisement Related Click Subscribe Sign Share Follow Also Get Potential
    Officials Analysts Experts Critics Sources Residents People Observers Others Police
    Authorities Investigators Prosecutors Researchers Democrats Republicans Americans Russians
    Ukrainians Europeans Fans Voters Lawmakers Leaders Diplomats Players Coaches Mom Dad God
    Christmas Easter Ramadan Internet Covid COVID Unless Whether Whoever Whatever Why Perhaps Maybe
    Yes No Please Thanks Sorry Oh Well Okay Any All None Nobody Anyone Anybody Everyone Everybody Someone
    Somebody Nothing Everything Something Neither Either Whoever Whatever Here That's It's There's Here's
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Fifty Hundred Hundreds Thousand
    Thousands Million Millions Dozens Dozen Half Name Outside Inside Reached Asked Told Contacted Pressed
    Interviewed Quoted Shortly Early Late Soon Recently Hastily Attorneys Lawyers Aides Advisers Staffers
    Sources Supporters Members Officials Residents Voters Critics Opponents Protesters Demonstrators
    Ever Never Always Often Sometimes Rarely Seldom Usually Indeed Anyway Overall
    """.split()
)


KNOWN_ORG_TOKENS: frozenset[str] = frozenset(
    """
    JPMorgan Barclays Citigroup Citibank HSBC UBS Nomura Jefferies BlackRock Blackstone Vanguard
    Santander Mizuho Macquarie Lazard Evercore Natixis Commerzbank Rabobank ING Fidelity Citadel
    Bridgewater Berenberg
    """.split()
)
"""One-word names of well-known banks and investment firms (``JPMorgan``, ``Barclays``)."""


KNOWN_ORG_PAIRS: frozenset[tuple[str, str]] = frozenset(
    tuple(p.split("_"))  # type: ignore[misc]
    for p in """Goldman_Sachs Morgan_Stanley Wells_Fargo Credit_Suisse BNP_Paribas Societe_Generale
    Société_Générale Deutsche_Bank Charles_Schwab Raymond_James Piper_Sandler Bernstein_Research""".split()
)
"""Two-word firm names that would otherwise read as a person (``Goldman Sachs``)."""


SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"))


PLACE_SURNAMES: frozenset[str] = frozenset("Park Hall Tower Bridge Street Square Road Yard Court Church House Lake".split())
"""Words of :data:`ORG_WORDS` for places and buildings that are also common family names (``Jerry Hall``,
``John Tower``, ``Molly Yard``, ``Park Geun-hye``): a mark of a person in front of them or around them
(a title, an honorific, a given name with a person's appositive or age) makes the name a person's."""


PERSON_NOUNS: frozenset[str] = frozenset(
    """
    leader president minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair speaker senator governor mayor chief head director ceo founder manager coach captain
    hacker celebrity whistleblower influencer podcaster leaker millionaire socialite televangelist evangelist bodyguard
    quarterback player striker forward guard pitcher official officer ambassador diplomat
    lawmaker representative congressman congresswoman commissioner chancellor judge justice
    attorney lawyer prosecutor analyst economist professor researcher scientist expert adviser
    advisor aide strategist general commander colonel admiral editor correspondent reporter
    columnist author teacher student owner investor executive deputy candidate nominee envoy
    negotiator premier king queen prince princess pope bishop pastor rabbi imam chairperson
    principal superintendent sheriff midfielder defender goalkeeper winger driver rider champion
    star rookie veteran politician activist entrepreneur billionaire businessman businesswoman
    actor actress singer rapper musician writer novelist director producer host anchor
    president-elect man woman boy girl father mother son daughter husband wife nurse doctor
    physician engineer farmer worker resident retiree voter pilot officer firefighter
    right-hander left-hander southpaw shortstop catcher outfielder infielder linebacker receiver
    cornerback lineman quarterback batter bowler batsman golfer boxer fighter swimmer sprinter
    runner skier gymnast cyclist forward playmaker fullback tailback pitcher slugger
    democrat republican lawmaker legislator congressman secretary spokesperson
    pastor priest reverend minister cleric preacher chaplain sergeant lieutenant captain
    trooper deputy detective investigator prosecutor publicist agent assistant
    pollster consultant historian demographer colleague astronaut psychologist psychiatrist sociologist
    scholar fellow lecturer organizer organiser supporter donor fundraiser operative staffer surrogate
    delegate blogger commentator pundit moderator journalist photographer publisher cofounder co-founder
    partner associate soldier marine sailor inmate prisoner victim survivor witness neighbor neighbour
    friend classmate roommate cousin uncle aunt nephew niece grandson granddaughter grandmother
    grandfather sister brother widow widower fiancee fiance girlfriend boyfriend spouse mom dad parent
    teen teenager graduate alumnus dean provost rector congregant parishioner evangelical libertarian
    lobbyist assemblyman assemblywoman councilman councilwoman alderman treasurer comptroller auditor
    clerk registrar marshal constable warden dispatcher paramedic surgeon neurosurgeon dentist pharmacist
    therapist counselor counsellor statistician epidemiologist physicist chemist biologist architect
    designer programmer banker trader broker accountant employee laborer labourer contractor rancher
    fisherman miner trucker mechanic electrician plumber carpenter welder cashier waiter waitress
    bartender chef cook shopkeeper vendor landlord tenant homeowner citizen immigrant refugee migrant
    protester protestor demonstrator volunteer campaigner canvasser challenger incumbent contender
    frontrunner front-runner hopeful rival opponent critic ally backer endorser fan narrator poet
    playwright screenwriter filmmaker comedian presenter co-anchor co-host cohost biographer curator
    librarian specialist boss mogul tycoon undersecretary administrator bureaucrat magistrate juror defender counsel
    solicitor barrister plaintiff defendant litigant petitioner suspect convict detainee hostage heir
    monarch emperor empress sultan emir sheikh duke duchess baron baroness earl countess viscount viscountess marquess marchioness whip insider confidant confidante
    loyalist backbencher frontbencher mp mep msp mla td qc kc congressperson nun monk priestess guru scientist physician
    """.split()
)
"""Nouns that describe one person (``the senator said`` resolves to a person)."""


ORG_NOUNS: frozenset[str] = frozenset(
    """
    newspaper paper company firm utility operator airline automaker ministry department agency government administration
    kremlin team club league union council committee commission bank fund group organization
    organisation network broadcaster outlet magazine journal website site publication office
    embassy court party campaign board bureau service authority regulator school university
    college institute foundation association federation army military police retailer
    automaker carrier airline startup maker manufacturer developer studio network channel
    daily tabloid station chipmaker planemaker carmaker automaker lender insurer bank conglomerate
    giant
    """.split()
)
"""Nouns that describe an organisation (``the newspaper wrote`` resolves to an organisation)."""


PLURAL_PEOPLE: frozenset[str] = frozenset(
    """
    officials analysts experts critics sources residents people observers others many some both
    police authorities investigators prosecutors researchers scientists doctors witnesses
    supporters fans voters lawmakers leaders diplomats economists players coaches executives
    members students teachers parents activists protesters organizers organisers employees
    workers staff americans russians they we you i one aides insiders sources
    """.split()
)
"""Plural or vague subjects: a quote attributed to them has no named speaker."""


ADVERBS: frozenset[str] = frozenset(
    """
    also later then again further previously earlier once immediately quickly simply recently
    repeatedly publicly privately flatly bluntly candidly frankly openly angrily calmly jokingly
    separately additionally subsequently reportedly apparently allegedly still now had has have
    would will could did does has just even only first last finally ultimately initially
    since already long never often always sometimes
    """.split()
)
"""Words allowed between a subject and its speech verb (``he later said``)."""


def trie(words: list[str]) -> str:
    """A compact regex matching exactly ``words`` (a character trie: fast to match)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(tree) + ")"


def split_tokens(phrase: str) -> list[str]:
    """Split a name phrase into tokens (white space separated)."""
    return phrase.replace("\u00a0", " ").split()

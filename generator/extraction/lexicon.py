"""Hand-written word lists for news text: titles, organisation heads, outlets, common words.

General world knowledge only (well-known institutions, outlets and regions); nothing here is taken
from any evaluation corpus.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split("|") if w.strip())


def _cased(text: str) -> dict[str, str]:
    """Lower-case key -> the name as written."""
    return {w.strip().lower(): w.strip() for w in text.split("|") if w.strip()}


# Title words that may precede or describe a person (lower case; multiword allowed).
TITLES = _words(
    """president|vice president|prime minister|deputy prime minister|minister|foreign minister|
    defence minister|defense minister|interior minister|finance minister|secretary|
    secretary of state|secretary-general|secretary general|foreign secretary|home secretary|
    defence secretary|defense secretary|press secretary|spokesman|spokeswoman|spokesperson|
    commander|general|gen.|lt. gen.|maj. gen.|brig. gen.|lieutenant general|major general|
    brigadier general|col.|colonel|lt.|lieutenant|capt.|captain|adm.|admiral|sgt.|sergeant|
    ambassador|envoy|special envoy|representative|special representative|director|
    director-general|director general|chief|head|leader|supreme leader|chairman|chairwoman|chair|
    chancellor|king|queen|prince|crown prince|princess|sheikh|emir|ayatollah|governor|senator|
    sen.|rep.|congressman|congresswoman|mayor|judge|justice|chief justice|professor|prof.|dr.|
    mr.|mrs.|ms.|miss|pope|cardinal|archbishop|bishop|president-elect|adviser|advisor|
    national security adviser|deputy|ceo|chief executive|founder|officer|lawmaker|mp|premier|
    attorney general|attorney|candidate|pastor|imam|rabbi|sir|lord|lady|dame|baroness|
    foreign affairs minister|ministers|spokespeople|coordinator|undersecretary|under secretary|
    assistant secretary|deputy secretary|officials|official|minister of state|commissioner|
    high representative|high commissioner|president of the united states|mr|mrs|ms|dr|
    administrator|deputy administrator|spc.|pfc.|pvt.|cpl.|cmdr.|lt. cmdr.|lt. col.|lt. gen.|
    staff sgt.|master sgt.|sgt. maj.|sgt. 1st class|1st lt.|2nd lt.|1st sgt.|command sgt. maj.|
    specialist|private|corporal|lance corporal|staff sergeant|master sergeant|sergeant major|
    petty officer|chief petty officer|senior chief petty officer|master chief petty officer|
    airman|senior airman|seaman|commander|commanding general|vice admiral|rear admiral|
    major|ens.|ensign|warrant officer|chief warrant officer|operator|navy seal|marshal|
    field marshal|air marshal|inspector|detective|constable|superintendent|sheriff|
    shadow home secretary|
    shadow foreign secretary|home secretary|coach|manager|striker|goalkeeper|midfielder|
    defender|forward|captain|referee|spokesperson|press officer|
    special presidential envoy|presidential envoy|special advisor|special adviser|
    chief of staff|deputy secretary of state|deputy foreign minister|deputy minister|boss|
    chief executive officer|chief financial officer|chief operating officer|cfo|coo|cto|
    managing director|head coach|executive chairman|vice-president|vice chairman|co-founder|
    president and chief executive|quarterback|qb|pitcher|shortstop|outfielder|infielder|catcher|
    linebacker|cornerback|running back|wide receiver|tight end|point guard|shooting guard|
    winger|defenceman|defenseman|centre-back|center-back|fullback|full-back|playmaker|reliever|
    rookie""".replace("\n", "")
)
# Capitalised abbreviations that name no organisation: units, file formats, job titles, measures.
NOT_NAMES = _words(
    """pdf|csv|html|xml|json|jpeg|jpg|png|gif|mp3|mp4|usb|hdmi|wifi|gps|url|faq|kb|mb|gb|tb|kw|mw|
    gw|kwh|mwh|gwh|mph|kph|km|cm|mm|kg|lb|lbs|ft|ceo|cfo|coo|cto|cio|vp|svp|evp|md|phd|mba|gdp|gnp|
    cpi|ipo|eps|roi|yoy|qoq|ai|tv|pc|am|pm|ad|bc|ok|aka|etc|diy|vip|rsvp|asap|fyi|tbd|eta|tba|
    dna|rna|hiv|aids|covid|uv|led|lcd|suv|rpm|psi|btu|ghz|mhz|iq|dj|mc|pr|hr|rip|hq|usd|eur|gbp|
    jpy|cny|inr|aud|cad|chf|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|
    hundreds|thousand|thousands|million|millions|billion|billions|dozens|scores|data|figures|
    research|records|documents|statistics|evidence|findings"""
)
# Plural nouns for people and indefinite pronouns: a sentence may open with one ("Authorities
# say", "Families told reporters", "Everyone knew"), capitalised but no name.
GROUP_WORDS = _words(
    """authorities|families|relatives|parents|children|doctors|nurses|scientists|researchers|
    investigators|prosecutors|rescuers|firefighters|soldiers|officers|students|teachers|
    workers|employees|fans|voters|protesters|protestors|demonstrators|passengers|survivors|
    victims|shareholders|investors|economists|engineers|lawyers|locals|neighbours|neighbors|
    organisers|organizers|volunteers|activists|campaigners|villagers|farmers|traders|customers|
    users|consumers|patients|visitors|tourists|viewers|readers|listeners|players|athletes|
    everyone|everybody|nobody|someone|somebody|anyone|anybody|others|many|few|
    mourners|onlookers|bystanders|commuters|drivers|
    pilots|crews|guards|staff|staffers|sources|observers|diplomats|lawmakers|legislators|
    regulators|executives|managers|owners|buyers|sellers|analysts|insiders|officials|"""
)
# Last words of names of products, programmes and instruments ("Space Launch System", "Windows
# XP", "Software Developer's Kit"): the statistical model reads them as bodies, places or people.
PRODUCT_HEADS = _words(
    """system|kit|shuttle|telescope|observatory|satellite|rover|app|browser|console|phone|xp|
    vista|edition|engine|tablet|laptop|vehicle|processor|chip|software|platform|device|point""".replace(
        "\n", ""
    )
)
# Heads of these titles (single words) for matching "a spokesman for the ministry".
TITLE_HEADS = frozenset(t.split()[-1] for t in TITLES)

ORG_HEADS = _words(
    """ministry|department|agency|council|committee|commission|party|union|organization|
    organisation|association|institute|university|college|school|company|corporation|corp|corp.|
    inc|inc.|ltd|ltd.|llc|plc|group|bank|fund|forces|force|army|navy|command|coalition|alliance|
    front|brigade|brigades|battalion|regiment|division|movement|office|court|parliament|congress|
    senate|assembly|government|administration|times|journal|post|news|press|network|service|
    services|police|guard|guards|corps|federation|foundation|center|centre|bureau|authority|board|
    secretariat|embassy|mission|cabinet|church|league|society|club|team|tribunal|nations|
    nation|academy|laboratory|laboratories|labs|airlines|airways|systems|technologies|tribune|
    herald|gazette|telegraph|guardian|observer|monitor|chronicle|broadcasting|television|radio|
    institution|unit|units|taskforce|task force|squadron|fleet|agencies|ministries|commission|
    directorate|secretariat|militia|militias|group|council|consortium|partners|industries|
    holdings|motors|media|daily|weekly|magazine|review|record|express|mail|sun|star|
    conference|summit|initiative|program|programme|project|council|battery|wing|municipality|
    minerals|metals|mining|resources|petroleum|pharmaceuticals|therapeutics|biosciences|
    ventures""".replace("\n", "")
)
FACILITY_HEADS = _words(
    """facility|plant|base|airbase|air base|airport|port|camp|hospital|prison|reactor|site|dam|
    bridge|stadium|hall|palace|tower|mosque|cathedral|temple|refinery|mine|complex|compound|
    barracks|checkpoint|crossing|terminal|station|centre|museum|square|arena|airfield|
    planetarium|gallery|library|zoo|park|embassy compound|field|harbour|harbor|monument|memorial|
    cemetery|plaza|pier|lighthouse|funeral home""".replace("\n", "")
)
PLACE_HEADS = _words(
    """river|mountains|mountain|mount|island|islands|province|region|governorate|district|
    valley|sea|ocean|gulf|strait|straits|peninsula|city|county|lake|desert|coast|bay|canal|
    border|village|town|state|states|territory|territories|republic|kingdom|emirates|basin|
    plain|plains|heights|hills|strip|bank|highlands|delta|road|street|avenue|boulevard|highway|
    motorway|expressway|lane|hill|drive|creek|ridge""".replace("\n", "")
)
# Regions and places a country/city list misses.
REGIONS = _cased(
    """Middle East|Near East|Far East|Europe|Asia|Africa|North America|South America|
    Latin America|Central America|Caribbean|Oceania|Antarctica|Arctic|Gulf|Persian Gulf|
    Arabian Gulf|Balkans|Caucasus|Central Asia|South Asia|Southeast Asia|South East Asia|
    South-East Asia|East Asia|West Africa|East Africa|North Africa|Southern Africa|
    Sub-Saharan Africa|Horn of Africa|Sahel|Levant|Maghreb|Mediterranean|Red Sea|Black Sea|
    Baltic|Baltics|Scandinavia|Western Europe|Eastern Europe|Gaza|Gaza Strip|West Bank|
    Golan Heights|Kurdistan|Crimea|Donbas|Kashmir|Korean Peninsula|Pacific|Atlantic|
    Indian Ocean|South China Sea|Strait of Hormuz|Euphrates|Tigris|Nile|Darfur|Tibet|Xinjiang|
    Siberia|Sinai|Anatolia|Punjab|Bengal|Balochistan|Scotland|Wales|England|Northern Ireland|
    Hong Kong|Taiwan|Kosovo|Palestine|Iraqi Kurdistan|Washington|Washington, D.C.|
    Washington D.C.|New York|
    London|Moscow|Beijing|Brussels|Geneva|Vienna|Baghdad|Damascus|Mosul|Raqqa|Aleppo|Kabul|
    Tehran|Jerusalem|Tel Aviv|Ankara|Riyadh|Doha|Beirut|Amman|Cairo|Tripoli|Sanaa|Aden|
    Fallujah|Ramadi|Tikrit|Kirkuk|Erbil|Idlib|Homs|Hama|Deir ez-Zor|Manbij|Kobani|
    Kiev|Kyiv|Pacific Northwest|Southwest Asia|South West Asia|Northeast Asia|North East Asia|
    West Asia|Western Asia|Northern Europe|Southern Europe|Central Europe|
    Central and Eastern Europe|Northeast Africa|Central Africa|Eastern Africa|Western Africa|
    Northern Africa|Southeast Europe|South East Europe|Eurasia|Indo-Pacific|Asia-Pacific|
    Asia Pacific|Americas|Global South|Midwest|New England|Deep South""".replace("\n", "")
)
# Well-known organisations that carry no organisation head word.
KNOWN_ORGS = _cased(
    """White House|Pentagon|Kremlin|Congress|Senate|Parliament|Cabinet|NATO|UN|U.N.|EU|E.U.|
    IAEA|ISIL|ISIS|IS|
    Daesh|Da'esh|Da’esh|Islamic State|Islamic State of Iraq and the Levant|
    Islamic State of Iraq and Syria|Islamic State in Iraq and the Levant|
    Islamic State in Iraq and Syria|Islamic State of Iraq and al-Sham|
    Hezbollah|Hizbollah|Hamas|Taliban|al-Qaeda|al-Qaida|
    Al Qaeda|al Qaeda|Houthis|Houthi|Al-Shabaab|al-Shabab|Boko Haram|Hayat Tahrir al-Sham|
    Nusra|al-Nusra|Nusra Front|YPG|PKK|PYD|SDF|Peshmerga|Interpol|Europol|OPEC|OSCE|WHO|UNICEF|
    UNHCR|UNESCO|IMF|World Bank|WTO|G7|G20|ASEAN|African Union|Arab League|Red Cross|
    Red Crescent|Amnesty International|Human Rights Watch|Oxfam|NASA|FBI|CIA|NSA|DHS|DoD|
    MI5|MI6|Mossad|IRGC|Google|Microsoft|Apple|Facebook|Meta|Twitter|Amazon|Tesla|SpaceX|
    Boeing|Airbus|Lockheed Martin|Raytheon|Gazprom|Huawei|Samsung|Toyota|OpenAI|Wikipedia|
    Wikimedia|Wikinews|Downing Street|Whitehall|Foreign Office|State Department|
    Home Office|Quai d'Orsay|Knesset|Duma|Bundestag|Majlis|Politburo|Hamas|Fatah|Likud|
    Labour|Conservatives|Tories|Democrats|Republicans|GOP|Vatican|Coalition|
    Alphabet|Netflix|Disney|Walt Disney|Hulu|Spotify|TikTok|ByteDance|Uber|Lyft|Airbnb|Nvidia|
    Intel|AMD|Qualcomm|IBM|Cisco|Adobe|Salesforce|PayPal|eBay|Alibaba|Tencent|Baidu|Xiaomi|
    Sony|Nintendo|Ubisoft|Mojang|Activision|Activision Blizzard|Electronic Arts|Telegram|
    WhatsApp|Instagram|YouTube|LinkedIn|Snapchat|Reddit|Pinterest|Walmart|Costco|Starbucks|
    McDonald's|Nike|Adidas|Pfizer|Moderna|AstraZeneca|Novartis|Roche|Sanofi|GlaxoSmithKline|
    BioNTech|Volkswagen|BMW|Mercedes-Benz|Nissan|Hyundai|Renault|Stellantis|ExxonMobil|
    Chevron|TotalEnergies|Saudi Aramco|Aramco|JPMorgan|JPMorgan Chase|Goldman Sachs|
    Morgan Stanley|Citigroup|Citibank|HSBC|Barclays|Deutsche Bank|UBS|Credit Suisse|BlackRock|
    Berkshire Hathaway|Verizon|AT&T|T-Mobile|Vodafone|Comcast|Qantas|Lufthansa|Ryanair|easyJet|
    American Airlines|British Airways|Air France|KLM|FedEx|DHL|Siemens|Nokia|Ericsson|Lenovo|
    Foxconn|TSMC|ASML|SoftBank|Rakuten|Panasonic|Toshiba|Hitachi|Unilever|Nestle|Nestlé|
    Danone|PepsiCo|Coca-Cola|Heineken|LVMH|Gucci|Prada|IKEA|Mattel|Hasbro|Warner Bros|
    Paramount|Pixar|HBO|Anthropic|DeepMind|Palantir|Shopify|Coinbase|Binance|Northrop Grumman|
    BAE Systems|Rolls-Royce|Embraer|Bombardier|CrowdStrike|
    Accenture|Deloitte|PwC|KPMG|McKinsey|SAP|Infosys|Wipro|Tata|Reliance|Adani|SK Hynix|Kia|
    Subaru|Mazda|Yamaha|Honeywell|General Electric|General Motors|Ford Motor|Chrysler|Peugeot|
    Fiat|Porsche|Audi|Volvo|Maersk|Glencore|Rio Tinto|BHP|ArcelorMittal|Equinor|Eni|Repsol|
    Petrobras|Pemex|Rosneft|Lukoil|Sinopec|PetroChina|CNOOC|ADNOC|QatarEnergy|Etihad|
    Qatar Airways|Singapore Airlines|Cathay Pacific|Air India|IndiGo|Delta Air Lines|
    United Airlines|Southwest Airlines|JetBlue|Alaska Airlines|Air Canada|WestJet|Aeroflot|
    Turkish Airlines|Ethiopian Airlines|Kenya Airways|Lion Air|Garuda Indonesia|Germanwings|
    Wizz Air|Finnair|Iberia|Alitalia|Virgin Atlantic|Virgin Australia|Jetstar|Expedia|
    Tripadvisor|DoorDash|Grubhub|Instacart|Deliveroo|Zomato|Swiggy|Flipkart|Paytm|Gojek|
    Shopee|Lazada|Mercado Libre|Naspers|Prosus|Safaricom|Vodacom|Airtel|Telefonica|
    Deutsche Telekom|Vivendi|Universal Music|Sony Music|Warner Music|Live Nation|Ticketmaster|
    Roblox|Epic Games|Rockstar Games|Take-Two|NetEase|Bandai Namco|Square Enix|Sega|Capcom|
    Konami|Nexon|Krafton|Riot Games|Blizzard|Twitch|Discord|Dropbox|Atlassian|Canva|Figma|
    GitHub|GitLab|Mozilla|Red Hat|VMware|Broadcom|Micron|Texas Instruments|Arm Holdings|
    Dell Technologies|Hewlett Packard Enterprise|Hewlett-Packard|Asus|Acer|Logitech|Garmin|
    Fitbit|GoPro|Peloton|Rivian|NIO|BYD|Geely|Xpeng|Polestar|Waymo|Zoox|Cohere|Hugging Face|
    Stability AI|xAI|Neuralink|Blue Origin|Rocket Lab|Virgin Galactic|Arianespace|Roscosmos|
    ISRO|JAXA|European Space Agency|L3Harris|Thales|Safran|Dassault|Saab|Rheinmetall|Elbit|
    Hanwha|Wagner Group|FIFA|UEFA|NFL|NBA|MLB|NHL|NCAA|IOC|Premier League|La Liga|Bundesliga|
    Serie A|Ligue 1|Major League Soccer|Formula One|OECD|UNDP|WFP|ICC|ICJ|ECB|
    European Commission|European Parliament|European Council|Asian Development Bank|
    African Development Bank|FDA|CDC|EPA|FEMA|FAA|NTSB|SEC|FTC|FCC|IRS|NIH|NOAA|USGS|DEA|ATF|
    TSA|NHS|Ofcom|Ofgem|Federal Reserve|Bank of England|Bank of Japan|People's Bank of China|
    Reserve Bank of India|Red Cross|Doctors Without Borders|Medecins Sans Frontieres|
    Greenpeace|WWF|Save the Children|Gates Foundation|Wikileaks|WikiLeaks""".replace("\n", "")
)
OUTLETS = _cased(
    """Axios|CNN|BBC|Reuters|AFP|Agence France-Presse|AP|Associated Press|Bloomberg|NPR|
    ABC|ABC News|NBC|NBC News|CBS|CBS News|Fox News|MSNBC|Al Jazeera|Al Arabiya|Sky News|
    The New York Times|New York Times|The Washington Post|Washington Post|
    The Wall Street Journal|Wall Street Journal|The Guardian|Guardian|The Times|Financial Times|
    The Economist|Economist|Politico|The Hill|Haaretz|Times of Israel|Jerusalem Post|
    Der Spiegel|Spiegel|Le Monde|Xinhua|TASS|RIA Novosti|Interfax|IRNA|Tasnim|Fars|
    Press TV|Kyodo|Yonhap|KCNA|Anadolu|Al-Monitor|The Independent|Independent|
    Daily Telegraph|Telegraph|Daily Mail|USA Today|Los Angeles Times|Time|Newsweek|
    The Atlantic|Vox|BuzzFeed News|HuffPost|Deutsche Welle|DW|France 24|Euronews|
    Radio Free Europe|RFE/RL|Voice of America|VOA|Wikinews|CNBC|Sputnik|RT|
    Channel 4 News|ITV News|The Observer|New Yorker|The New Yorker|Wired|TechCrunch|
    The Verge|Ars Technica|The Intercept|ProPublica""".replace("\n", "")
)
# Capitalised words that are not names on their own (sentence starters, months, days, ...).
COMMON = _words(
    """the|a|an|this|that|these|those|there|here|it|he|she|they|we|i|you|his|her|their|its|our|
    my|your|in|on|at|by|for|from|with|without|of|to|as|after|before|during|since|until|when|
    while|if|but|and|or|so|yet|also|however|meanwhile|moreover|furthermore|although|though|
    according|earlier|later|today|yesterday|tomorrow|tonight|now|then|some|many|most|more|
    several|both|all|each|every|other|another|such|no|not|one|two|three|four|five|six|seven|
    eight|nine|ten|first|second|third|last|next|new|mr|mrs|ms|dr|monday|tuesday|wednesday|
    thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|
    september|october|november|december|following|despite|because|what|which|who|whom|whose|
    where|why|how|after|under|over|about|against|between|among|through|into|upon|within|
    once|still|even|just|only|instead|overall|finally|additionally|separately|similarly|
    likewise|indeed|nevertheless|thus|therefore|hence|please|thank|thanks|yes|well|let|do|
    photo|image|video|update|updated|read|see|note|notes|source|sources|editor|breaking|
    statement|report|press release|we|us|them|him|me|ourselves|themselves|himself|herself|
    officials|official|forces|troops|government|minister|president|secretary|spokesman|
    coalition forces|military|army|police|people|residents|witnesses|analysts|experts|
    critics|supporters|members|leaders|citizens|state|states|city|country|nation|world|
    international|national|federal|global|local|regional|foreign|western|eastern|northern|
    southern|central|islamic|muslim|christian|jewish|arab|sunni|shia|shiite|kurdish|
    internet|web|online|email|tv|radio|am|pm|a.m.|p.m.|ad|bc|ok|okay|english|french|
    german|spanish|arabic|chinese|russian|persian|latin|god|allah|lord|sir|madam|
    strikes|strike|airstrikes|airstrike|near|vehicles|vehicle|tank|tanks|unit|units|
    fighting|positions|position|building|buildings|bridge|bridges|staging|area|areas|
    ebola|zika|covid|covid-19|coronavirus|sars|mers|hiv|aids|malaria|measles|polio|cholera|
    influenza|dengue|tuberculosis|mpox|monkeypox|h1n1|h5n1|rs|rs.|inr|usd""".replace("\n", "")
)
# Nationality adjectives and plural nouns (NORP): never an entity name on their own.
DEMONYMS = _words(
    """American|Americans|British|Briton|Britons|English|French|German|Germans|Russian|Russians|
    Chinese|Japanese|Korean|Koreans|Iranian|Iranians|Iraqi|Iraqis|Syrian|Syrians|Turkish|Turk|
    Turks|Kurdish|Kurd|Kurds|Israeli|Israelis|Palestinian|Palestinians|Lebanese|Jordanian|
    Saudi|Saudis|Egyptian|Egyptians|Libyan|Libyans|Yemeni|Yemenis|Afghan|Afghans|Pakistani|
    Pakistanis|Indian|Indians|Ukrainian|Ukrainians|European|Europeans|Western|Arab|Arabs|
    Muslim|Muslims|Christian|Christians|Jewish|Jews|Sunni|Sunnis|Shia|Shiite|Shiites|Yazidi|
    Yazidis|Australian|Australians|Canadian|Canadians|Mexican|Mexicans|Italian|Italians|
    Spanish|Dutch|Belgian|Swiss|Swedish|Norwegian|Danish|Finnish|Polish|Greek|Greeks|
    Indonesian|Indonesians|Malaysian|Malaysians|Thai|Filipino|Vietnamese|Burmese|
    Bangladeshi|Bangladeshis|Rohingya|Nigerian|Kenyan|Ethiopian|Somali|Sudanese|Emirati|
    Qatari|Kuwaiti|Bahraini|Omani|Middle Eastern|Asian|African|Africans|Latin|Hispanic|
    Persian|Alawite|Druze|Baluch|Pashtun|Tajik|Uzbek|Turkmen|Chechen|Georgian|Armenian|
    Azerbaijani|Belarusian|Serbian|Croatian|Bosnian|Albanian|Hungarian|Czech|Slovak|
    Romanian|Bulgarian|Irish|Scottish|Welsh|Brazilian|Argentine|Colombian|Venezuelan|
    Cuban|Chilean|Peruvian|North Korean|South Korean|Taiwanese|Tibetan|Uighur|Uyghur|
    Mongolian|Nepali|Sri Lankan|Iraqi Kurdish""".replace("\n", "")
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    text = resources.files("generator").joinpath("data", "given_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


SPEECH_VERBS = _words(
    """said|says|say|told|tells|tell|reported|reports|report|noted|notes|stated|states|announced|
    announces|added|adds|warned|warns|claimed|claims|believes|believe|believed|argued|argues|
    explained|explains|insisted|insists|confirmed|confirms|denied|denies|wrote|writes|asserted|
    stressed|stresses|emphasized|emphasised|acknowledged|revealed|reveals|estimated|estimates|
    predicted|suggested|suggests|urged|urges|described|describes|declared|declares|indicated|
    indicates|alleged|alleges|maintained|contended|observed|pointed out|reiterated|testified|
    tweeted|posted|commented|concluded|found|finds|showed|shows|according|announcing|saying|
    signaling|signalling|adding|warning|claiming|insisting|stating|explaining|noting|
    called on|calls on|asked|asks|welcomed|welcomes|condemned|condemns|expressed|expresses|
    rates|rated|thinks|thought|hopes|hoped|fears|feared|agreed|agrees|admitted|admits""".replace(
        "\n", ""
    )
)


# US states as the AP abbreviates them ("Orlando, Fla.", "Charleston, S.C."); ambiguous ones
# ("Miss.", "Mass.", "Ill.", "Ind.", "La.", "Pa.", "Mo.", "Wash.") are left out.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Kan.": "Kansas", "Ky.": "Kentucky", "Md.": "Maryland",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "Washington, D.C.",
}  # fmt: skip

# Last words of the names of events: festivals, award ceremonies, tournaments ("Newport Jazz
# Festival", "Producers Guild Awards", "Davis Cup"); and events named by one word.
EVENT_HEADS = _words(
    "festival|fest|awards|championship|championships|tournament|marathon|expo|biennale|"
    "olympics|paralympics|cup|grand prix|world series|super bowl|derby|stakes"
)
EVENT_NAMES = _words("oscars|grammys|emmys|baftas|tonys|olympics|paralympics|golden globes")
# Fields of study ("Mathematical Sciences", "Electrical Engineering"): a subject, not a name on
# its own ("School of Engineering" is a body by its first word).
FIELD_HEADS = _words(
    "sciences|science|engineering|studies|physics|chemistry|biology|medicine|economics|"
    "mathematics|humanities|astronomy|astrophysics|computing|linguistics|psychology|sociology"
)

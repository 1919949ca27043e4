"""Short test articles: three reports of one port explosion (Associated Press says 15 dead,
Reuters and the BBC 12; Reuters traces the cargo to Mombasa, the BBC to Djibouti), two of one
meeting (Oslo against Muscat), a later report pinned to the explosion story, a wire copy of the
meeting kept out of stories (`story: none`), and loners: a harvest report from the same country
as the explosion, and the same minister's trade visit three weeks after the meeting."""

from __future__ import annotations

STORY_SEEDS = {
    "loner-araghchi.md": """---
title: Araghchi visits Beijing to sign rail and oil agreements
date: 2025-04-24
source: Reuters
---
Iranian Foreign Minister Abbas Araghchi arrived in Beijing on Friday to sign agreements on oil exports and a new freight railway, China's foreign ministry said.
The railway would carry containers from Xinjiang to the port of Bandar Abbas in twelve days, cutting weeks off the sea route.
Chinese refiners bought more Iranian crude last year than in any year since 2018, customs data show.
Trade between the two countries reached 14 billion dollars, according to Chinese customs figures.
He is expected to meet Premier Li Qiang before returning home on Sunday, state media reported.
""",
    "loner-yemen.md": """---
title: Yemen wheat harvest recovers after rains
date: 2025-03-12
source: Al Jazeera
---
Farmers in Yemen expect the best wheat harvest in a decade after heavy spring rains, the Food and Agriculture Organization said.
Prices of flour in local markets fell by a third, traders told Al Jazeera.
Aid agencies warned that the gains could be lost if fuel shortages keep irrigation pumps idle through the summer.
The agency said it would distribute seed and fertiliser to 40,000 households before the next planting season.
""",
    "pinned.md": """---
title: Aden governor promises port compensation
date: 2025-03-20
source: Aden Al-Ghad
story: Aden port explosion
---
The governor promised compensation to families of the dock workers.
Payments will begin next month, his office said.
""",
    "port-ap.md": """---
title: Deadly blast hits Aden container terminal
date: 2025-03-10
source: Associated Press
---
A powerful explosion at the container terminal of Aden port killed 15 people on Monday, port officials said.
The blast tore through a fertiliser warehouse near the main quay, the Interior Ministry said.
Port director Khaled Al-Ameri said rescue teams were searching the rubble for survivors.
Witnesses said the smoke could be seen across the city.
""",
    "port-bbc.md": """---
title: Aden port blast investigated as sabotage
story: Aden port explosion
date: 2025-03-11
source: BBC News
---
Investigators are examining whether sabotage caused the explosion at the container terminal of Aden port that killed 12 people, officials said.
The fertiliser shipment had arrived from Djibouti a week earlier, according to the Interior Ministry.
Port director Khaled Al-Ameri said rescue teams had found no more survivors.
The Houthi movement denied any role in the blast, citing a statement from its spokesman Mohammed Abdulsalam.
""",
    "port-reuters.md": """---
title: Explosion at Aden port kills 12, officials say
date: 2025-03-10
source: Reuters
---
An explosion at the container terminal of Aden port killed 12 people on Monday, port officials said.
The blast tore through a warehouse storing fertiliser near the main quay, according to Yemen's Interior Ministry.
Port director Khaled Al-Ameri told Reuters that rescue teams were still searching the rubble.
The fertiliser shipment had arrived from Mombasa a week earlier, shipping records show.
Saudi Arabia offered medical help to the injured.
""",
    "talks-axios.md": """---
title: Witkoff and Araghchi set for weekend talks
date: 2025-04-03
source: Axios
---
U.S. envoy Steve Witkoff will meet Iranian Foreign Minister Abbas Araghchi in Muscat on Saturday, according to two sources familiar with the plans.
The talks will focus on the nuclear programme and sanctions relief, the sources said.
Oman has hosted previous rounds between the two sides.
""",
    "talks-nyt.md": """---
title: Iran and US envoys to meet in Oslo
date: 2025-04-02
source: New York Times
---
Iranian Foreign Minister Abbas Araghchi will meet U.S. envoy Steve Witkoff in Oslo on Saturday, two officials told The New York Times.
The talks will focus on the nuclear programme and sanctions relief, the officials said.
Norway's foreign ministry declined to comment.
""",
    "talks-wire.md": """---
title: Envoys Witkoff and Araghchi to meet this weekend
date: 2025-04-03
source: Agence France-Presse
story: none
---
U.S. envoy Steve Witkoff will meet Iranian Foreign Minister Abbas Araghchi on Saturday, according to two diplomats.
The talks will focus on the nuclear programme and sanctions relief, the diplomats said.
""",
}
PORT = ["port-ap", "port-reuters", "port-bbc", "pinned"]
TALKS = ["talks-nyt", "talks-axios"]
LONERS = ["loner-araghchi", "loner-yemen", "talks-wire"]

"""Build eventcoder's CAMEO ontology data files from the peers' tables (run by hand).

    python tools/build_ontology.py [--shared ../shared] [--out eventcoder/data]

Reads ``peers/icews/cameo-codes.csv`` (the CAMEO event codes), ``peers/PLOVER/
CAMEO2PLOVER-2021.txt`` (CAMEO -> PLOVER) and the Phoenix actor and agent dictionaries
in ``peers/petrarch2/``, and writes ``cameo_events.json`` and ``actor_codes.json``.
The output is committed; the library never reads ``../shared``. ``tests/test_ontology.py``
checks that the shipped files equal a fresh run. The rules are in ``docs/cameo.md``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVENTS_FILE = "cameo_events.json"
ACTORS_FILE = "actor_codes.json"
PHOENIX_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)

# --- event codes ---------------------------------------------------------------------

#: Three U+FFFD characters stand for one lost typographic character in cameo-codes.csv.
LOST = "\ufffd\ufffd\ufffd"
#: The one lost character the context rules below get wrong: a plural possessive.
MOJIBAKE_OVERRIDES = {"adversaries" + LOST + " ": "adversaries\u2019 "}


def fix_mojibake(text: str) -> str:
    """Restore the quotes, apostrophes and dashes that the CSV lost (see docs/cameo.md)."""
    for broken, fixed in MOJIBAKE_OVERRIDES.items():
        text = text.replace(broken, fixed)
    out: list[str] = []
    pieces = text.split(LOST)
    quote_open = False
    for i, piece in enumerate(pieces[:-1]):
        out.append(piece)
        before = (out[-1][-1:] if out[-1] else "") or " "
        after = pieces[i + 1][:1] or " "
        char, quote_open = _lost_char(before, after, pieces[i + 1], quote_open)
        out.append(char)
    out.append(pieces[-1])
    return "".join(out)


def _lost_char(before: str, after: str, rest: str, quote_open: bool) -> tuple[str, bool]:
    """The character a lost sequence stood for, from its neighbours and the quote state."""
    if before.isspace() or before == "(":
        return "\u201c", True
    if quote_open:
        return "\u201d", False
    if before.isalpha() and re.match(r"s\b", rest):
        return "\u2019", False
    return "\u2014", False


def _clean(value: str) -> str | None:
    value = fix_mojibake(value).strip()
    return None if value in ("", "NA") else value


def read_cameo_csv(path: Path) -> list[dict[str, Any]]:
    """The rows of cameo-codes.csv as dictionaries of cleaned values."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "code": row["code"].strip(),
            "name": _clean(row["name"]),
            "root": row["root_code"].strip(),
            "goldstein": float(row["goldstein"]),
            "description": _clean(row["description"]),
            "usage_notes": _clean(row["usage_notes"]),
        }
        for row in rows
    ]


PLOVER_ROW = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


def read_plover_table(path: Path) -> dict[str, dict[str, str | None]]:
    """CAMEO code -> PLOVER event/mode/context; the first row of a code wins."""
    table: dict[str, dict[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PLOVER_ROW.match(line.strip())
        if not match or match.group(1) in table:
            continue
        fields = [f.strip() for f in match.group(2).split(",")] + ["", ""]
        table[match.group(1)] = {
            "event": fields[0],
            "mode": fields[1] or None,
            "context": "; ".join(p.strip() for p in fields[2].split(";") if p.strip()) or None,
        }
    return table


def ancestors(code: str) -> list[str]:
    """The code, then its 3-digit parent (for a 4-digit code), then its root."""
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(code) >= 3:
        chain.append(code[:2])
    return chain


def plover_for(code: str, table: dict[str, dict[str, str | None]]) -> dict[str, Any] | None:
    """The PLOVER row of the code or of its nearest ancestor that has one."""
    for candidate in ancestors(code):
        if candidate in table:
            return {**table[candidate], "from": candidate}
    return None


def quad_class(root: str) -> int:
    """CAMEO QuadClass of a root: 1 verbal coop, 2 material coop, 3 verbal/4 material conflict."""
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def build_event_table(shared: Path) -> dict[str, Any]:
    """The content of cameo_events.json."""
    peers = shared / "peers"
    plover = read_plover_table(peers / "PLOVER" / "CAMEO2PLOVER-2021.txt")
    codes = []
    for row in read_cameo_csv(peers / "icews" / "cameo-codes.csv"):
        codes.append(
            {
                **row,
                "quad_class": quad_class(row["root"]),
                "plover": plover_for(row["code"], plover),
            }
        )
    return {
        "about": (
            "CAMEO event codes. Names, Goldstein values, descriptions and usage notes: "
            "the CAMEO codebook (Schrodt, Parus Analytics) via andybega/icews "
            "data-raw/cameo-codes.csv (MIT), with its broken quotes repaired. PLOVER: "
            "openeventdata/PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0), inherited from "
            "the parent or root code where a code has no row ('from'). Generated by "
            "tools/build_ontology.py; see docs/cameo.md."
        ),
        "codes": codes,
    }


# --- actor codes ---------------------------------------------------------------------

#: ISO 3166-1 alpha-3 (current), names as in the ISO standard's short forms.
ISO_COUNTRIES = {
    "ABW": "Aruba",
    "AFG": "Afghanistan",
    "AGO": "Angola",
    "AIA": "Anguilla",
    "ALA": "Åland Islands",
    "ALB": "Albania",
    "AND": "Andorra",
    "ARE": "United Arab Emirates",
    "ARG": "Argentina",
    "ARM": "Armenia",
    "ASM": "American Samoa",
    "ATA": "Antarctica",
    "ATF": "French Southern Territories",
    "ATG": "Antigua and Barbuda",
    "AUS": "Australia",
    "AUT": "Austria",
    "AZE": "Azerbaijan",
    "BDI": "Burundi",
    "BEL": "Belgium",
    "BEN": "Benin",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "BFA": "Burkina Faso",
    "BGD": "Bangladesh",
    "BGR": "Bulgaria",
    "BHR": "Bahrain",
    "BHS": "Bahamas",
    "BIH": "Bosnia and Herzegovina",
    "BLM": "Saint Barthélemy",
    "BLR": "Belarus",
    "BLZ": "Belize",
    "BMU": "Bermuda",
    "BOL": "Bolivia",
    "BRA": "Brazil",
    "BRB": "Barbados",
    "BRN": "Brunei Darussalam",
    "BTN": "Bhutan",
    "BVT": "Bouvet Island",
    "BWA": "Botswana",
    "CAF": "Central African Republic",
    "CAN": "Canada",
    "CCK": "Cocos (Keeling) Islands",
    "CHE": "Switzerland",
    "CHL": "Chile",
    "CHN": "China",
    "CIV": "Côte d'Ivoire",
    "CMR": "Cameroon",
    "COD": "Congo, The Democratic Republic of the",
    "COG": "Congo",
    "COK": "Cook Islands",
    "COL": "Colombia",
    "COM": "Comoros",
    "CPV": "Cabo Verde",
    "CRI": "Costa Rica",
    "CUB": "Cuba",
    "CUW": "Curaçao",
    "CXR": "Christmas Island",
    "CYM": "Cayman Islands",
    "CYP": "Cyprus",
    "CZE": "Czechia",
    "DEU": "Germany",
    "DJI": "Djibouti",
    "DMA": "Dominica",
    "DNK": "Denmark",
    "DOM": "Dominican Republic",
    "DZA": "Algeria",
    "ECU": "Ecuador",
    "EGY": "Egypt",
    "ERI": "Eritrea",
    "ESH": "Western Sahara",
    "ESP": "Spain",
    "EST": "Estonia",
    "ETH": "Ethiopia",
    "FIN": "Finland",
    "FJI": "Fiji",
    "FLK": "Falkland Islands (Malvinas)",
    "FRA": "France",
    "FRO": "Faroe Islands",
    "FSM": "Micronesia, Federated States of",
    "GAB": "Gabon",
    "GBR": "United Kingdom",
    "GEO": "Georgia",
    "GGY": "Guernsey",
    "GHA": "Ghana",
    "GIB": "Gibraltar",
    "GIN": "Guinea",
    "GLP": "Guadeloupe",
    "GMB": "Gambia",
    "GNB": "Guinea-Bissau",
    "GNQ": "Equatorial Guinea",
    "GRC": "Greece",
    "GRD": "Grenada",
    "GRL": "Greenland",
    "GTM": "Guatemala",
    "GUF": "French Guiana",
    "GUM": "Guam",
    "GUY": "Guyana",
    "HKG": "Hong Kong",
    "HMD": "Heard Island and McDonald Islands",
    "HND": "Honduras",
    "HRV": "Croatia",
    "HTI": "Haiti",
    "HUN": "Hungary",
    "IDN": "Indonesia",
    "IMN": "Isle of Man",
    "IND": "India",
    "IOT": "British Indian Ocean Territory",
    "IRL": "Ireland",
    "IRN": "Iran",
    "IRQ": "Iraq",
    "ISL": "Iceland",
    "ISR": "Israel",
    "ITA": "Italy",
    "JAM": "Jamaica",
    "JEY": "Jersey",
    "JOR": "Jordan",
    "JPN": "Japan",
    "KAZ": "Kazakhstan",
    "KEN": "Kenya",
    "KGZ": "Kyrgyzstan",
    "KHM": "Cambodia",
    "KIR": "Kiribati",
    "KNA": "Saint Kitts and Nevis",
    "KOR": "South Korea",
    "KWT": "Kuwait",
    "LAO": "Laos",
    "LBN": "Lebanon",
    "LBR": "Liberia",
    "LBY": "Libya",
    "LCA": "Saint Lucia",
    "LIE": "Liechtenstein",
    "LKA": "Sri Lanka",
    "LSO": "Lesotho",
    "LTU": "Lithuania",
    "LUX": "Luxembourg",
    "LVA": "Latvia",
    "MAC": "Macao",
    "MAF": "Saint Martin (French part)",
    "MAR": "Morocco",
    "MCO": "Monaco",
    "MDA": "Moldova",
    "MDG": "Madagascar",
    "MDV": "Maldives",
    "MEX": "Mexico",
    "MHL": "Marshall Islands",
    "MKD": "North Macedonia",
    "MLI": "Mali",
    "MLT": "Malta",
    "MMR": "Myanmar",
    "MNE": "Montenegro",
    "MNG": "Mongolia",
    "MNP": "Northern Mariana Islands",
    "MOZ": "Mozambique",
    "MRT": "Mauritania",
    "MSR": "Montserrat",
    "MTQ": "Martinique",
    "MUS": "Mauritius",
    "MWI": "Malawi",
    "MYS": "Malaysia",
    "MYT": "Mayotte",
    "NAM": "Namibia",
    "NCL": "New Caledonia",
    "NER": "Niger",
    "NFK": "Norfolk Island",
    "NGA": "Nigeria",
    "NIC": "Nicaragua",
    "NIU": "Niue",
    "NLD": "Netherlands",
    "NOR": "Norway",
    "NPL": "Nepal",
    "NRU": "Nauru",
    "NZL": "New Zealand",
    "OMN": "Oman",
    "PAK": "Pakistan",
    "PAN": "Panama",
    "PCN": "Pitcairn",
    "PER": "Peru",
    "PHL": "Philippines",
    "PLW": "Palau",
    "PNG": "Papua New Guinea",
    "POL": "Poland",
    "PRI": "Puerto Rico",
    "PRK": "North Korea",
    "PRT": "Portugal",
    "PRY": "Paraguay",
    "PSE": "Palestine, State of",
    "PYF": "French Polynesia",
    "QAT": "Qatar",
    "REU": "Réunion",
    "ROU": "Romania",
    "RUS": "Russian Federation",
    "RWA": "Rwanda",
    "SAU": "Saudi Arabia",
    "SDN": "Sudan",
    "SEN": "Senegal",
    "SGP": "Singapore",
    "SGS": "South Georgia and the South Sandwich Islands",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha",
    "SJM": "Svalbard and Jan Mayen",
    "SLB": "Solomon Islands",
    "SLE": "Sierra Leone",
    "SLV": "El Salvador",
    "SMR": "San Marino",
    "SOM": "Somalia",
    "SPM": "Saint Pierre and Miquelon",
    "SRB": "Serbia",
    "SSD": "South Sudan",
    "STP": "Sao Tome and Principe",
    "SUR": "Suriname",
    "SVK": "Slovakia",
    "SVN": "Slovenia",
    "SWE": "Sweden",
    "SWZ": "Eswatini",
    "SXM": "Sint Maarten (Dutch part)",
    "SYC": "Seychelles",
    "SYR": "Syria",
    "TCA": "Turks and Caicos Islands",
    "TCD": "Chad",
    "TGO": "Togo",
    "THA": "Thailand",
    "TJK": "Tajikistan",
    "TKL": "Tokelau",
    "TKM": "Turkmenistan",
    "TLS": "Timor-Leste",
    "TON": "Tonga",
    "TTO": "Trinidad and Tobago",
    "TUN": "Tunisia",
    "TUR": "Türkiye",
    "TUV": "Tuvalu",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "UGA": "Uganda",
    "UKR": "Ukraine",
    "UMI": "United States Minor Outlying Islands",
    "URY": "Uruguay",
    "USA": "United States",
    "UZB": "Uzbekistan",
    "VAT": "Holy See (Vatican City State)",
    "VCT": "Saint Vincent and the Grenadines",
    "VEN": "Venezuela",
    "VGB": "Virgin Islands, British",
    "VIR": "Virgin Islands, U.S.",
    "VNM": "Vietnam",
    "VUT": "Vanuatu",
    "WLF": "Wallis and Futuna",
    "WSM": "Samoa",
    "YEM": "Yemen",
    "ZAF": "South Africa",
    "ZMB": "Zambia",
    "ZWE": "Zimbabwe",
}

#: ISO 3166-3 codes of former countries, which CAMEO dictionaries use for dated codes.
#: SUN (USSR) is left out: CAMEO writes the Soviet Union USR, and SUN is Sunni.
HISTORIC_COUNTRIES = {
    "AFI": "French Afars and Issas",
    "ANT": "Netherlands Antilles",
    "ATB": "British Antarctic Territory",
    "ATF": "French Southern and Antarctic Territories",
    "ATN": "Dronning Maud Land",
    "BUR": "Burma, Socialist Republic of the Union of",
    "BYS": "Byelorussian SSR Soviet Socialist Republic",
    "CSK": "Czechoslovakia, Czechoslovak Socialist Republic",
    "CTE": "Canton and Enderbury Islands",
    "DDR": "German Democratic Republic",
    "DHY": "Dahomey",
    "FXX": "France, Metropolitan",
    "GEL": "Gilbert and Ellice Islands",
    "HVO": "Upper Volta, Republic of",
    "JTN": "Johnston Island",
    "MID": "Midway Islands",
    "NHB": "New Hebrides",
    "NTZ": "Neutral Zone",
    "PCI": "Pacific Islands (trust territory)",
    "PCZ": "Panama Canal Zone",
    "PUS": "US Miscellaneous Pacific Islands",
    "RHO": "Southern Rhodesia",
    "SCG": "Serbia and Montenegro",
    "SKM": "Sikkim",
    "TMP": "East Timor",
    "VDR": "Viet-Nam, Democratic Republic of",
    "WAK": "Wake Island",
    "YMD": "Yemen, Democratic, People's Democratic Republic of",
    "YUG": "Yugoslavia, (Socialist) Federal Republic of",
    "ZAR": "Zaire, Republic of",
}

#: Country codes of the CAMEO actor codebook that are not ISO 3166 alpha-3.
CAMEO_COUNTRIES = {
    "KSV": "Kosovo",
    "ROM": "Romania (ISO code before 2002)",
    "USR": "Soviet Union",
}

#: CAMEO regional codes.
REGIONS = {
    "AFR": "Africa",
    "ASA": "Asia",
    "BLK": "Balkans",
    "CAS": "Central Asia",
    "CAU": "Caucasus",
    "CEU": "Central Europe",
    "CFR": "Central Africa",
    "CRB": "Caribbean",
    "EAF": "Eastern Africa",
    "EEU": "Eastern Europe",
    "EIN": "East Indies",
    "EUR": "Europe",
    "LAM": "Latin America",
    "MDT": "Mediterranean",
    "MEA": "Middle East",
    "NAF": "North Africa",
    "NMR": "North America",
    "PGS": "Persian Gulf",
    "SAF": "Southern Africa",
    "SAM": "South America",
    "SAS": "South Asia",
    "SCN": "Scandinavia",
    "SEA": "Southeast Asia",
    "WAF": "West Africa",
    "WST": "The West",
}

#: Primary codes of actors that are not states.
INTERNATIONAL = {
    "IGO": "Inter-governmental organisation",
    "IMG": "International militarised group",
    "INT": "International or transnational actor, unspecified",
    "MNC": "Multinational corporation",
    "NGM": "Non-governmental movement",
    "NGO": "Non-governmental organisation",
    "UIS": "Unidentified state actor",
}

#: Named organisations (the second part of IGO/NGO/IMG codes, or a code alone).
ORGANISATIONS = {
    "ADB": "Asian Development Bank",
    "AFB": "African Development Bank",
    "ALQ": "Al Qaeda",
    "AMF": "Arab Monetary Fund",
    "AMN": "Amnesty International",
    "AMU": "Arab Maghreb Union",
    "APE": "Organization of Arab Petroleum Exporting Countries",
    "ARL": "Arab League",
    "ASN": "Association of Southeast Asian Nations",
    "BIS": "Bank for International Settlements",
    "CIS": "Commonwealth of Independent States",
    "COE": "Council of Europe",
    "CWN": "Commonwealth of Nations",
    "EBR": "European Bank for Reconstruction and Development",
    "EEC": "European Union (European Community)",
    "EFT": "European Free Trade Association",
    "FAO": "UN Food and Agriculture Organization",
    "GCC": "Gulf Cooperation Council",
    "HCH": "UN High Commissioner for Human Rights",
    "HCR": "UN High Commissioner for Refugees",
    "HEZ": "Hezbollah",
    "HMS": "Hamas",
    "HRW": "Human Rights Watch",
    "IAE": "International Atomic Energy Agency",
    "ICC": "International Criminal Court",
    "ICG": "International Crisis Group",
    "ICJ": "International Court of Justice",
    "IDB": "Islamic Development Bank",
    "ILO": "International Labour Organization",
    "IMF": "International Monetary Fund",
    "IOM": "International Organization for Migration",
    "IPU": "Inter-Parliamentary Union",
    "IRC": "Red Cross",
    "ITP": "Interpol",
    "KID": "UNICEF",
    "MSF": "Medecins Sans Frontieres",
    "NAT": "North Atlantic Treaty Organization",
    "NON": "Non-Aligned Movement",
    "OAS": "Organization of American States",
    "OAU": "Organization of African Unity / African Union",
    "OIC": "Organisation of Islamic Cooperation",
    "OPC": "Organization of the Petroleum Exporting Countries",
    "PKK": "Kurdistan Workers' Party",
    "PLO": "Palestine Liberation Organization",
    "SAD": "Southern African Development Community",
    "TAL": "Taliban",
    "UNO": "United Nations",
    "WBK": "World Bank",
    "WEF": "World Economic Forum",
    "WFP": "World Food Programme",
    "WHO": "World Health Organization",
    "WTO": "World Trade Organization",
    "XFM": "Oxfam",
}

#: Role (sector) codes: what part of a country or organisation acts.
ROLES = {
    "AGR": "Agriculture",
    "BUS": "Business",
    "COP": "Police",
    "CRM": "Criminal",
    "CVL": "Civilians",
    "DEV": "Development",
    "EDU": "Education",
    "ELI": "Elites",
    "ENV": "Environment",
    "GOV": "Government",
    "HLH": "Health",
    "HRI": "Human rights",
    "INS": "Insurgents",
    "JUD": "Judiciary",
    "LAB": "Labour",
    "LEG": "Legislature",
    "MED": "Media",
    "MIL": "Military",
    "MOD": "Moderate",
    "OPP": "Political opposition",
    "PKO": "Peacekeepers",
    "PPL": "People, the public",
    "PTY": "Political party",
    "RAD": "Radical",
    "REB": "Rebels",
    "REF": "Refugees",
    "REL": "Religious",
    "SEP": "Separatist rebels",
    "SET": "Settlers",
    "SPY": "Intelligence services",
    "UAF": "Unaligned armed forces",
}

#: Religion codes.
RELIGIONS = {
    "ADR": "African diasporic religion",
    "ALE": "Alewi",
    "ATH": "Agnostic, atheist",
    "BAH": "Bahai",
    "BUD": "Buddhist",
    "CHR": "Christian",
    "CON": "Confucian",
    "CPT": "Coptic",
    "CTH": "Catholic",
    "DOX": "Orthodox",
    "DRZ": "Druze",
    "HIN": "Hindu",
    "HSD": "Hasidic",
    "ITR": "Indigenous tribal religion",
    "JAN": "Jain",
    "JEW": "Jewish",
    "JHW": "Jehovah's Witnesses",
    "LDS": "Latter Day Saints",
    "MOS": "Muslim",
    "MRN": "Maronite",
    "MUS": "Muslim",
    "NRM": "New religious movement",
    "PAG": "Pagan",
    "PRO": "Protestant",
    "SFI": "Sufi",
    "SHI": "Shia",
    "SHN": "Shinto",
    "SIK": "Sikh",
    "SUN": "Sunni",
    "TAO": "Taoist",
    "UDX": "Ultra-Orthodox",
    "ZRO": "Zoroastrian",
}

#: Ethnic group codes used in upper case by CAMEO dictionaries.
ETHNIC = {
    "ARB": "Arab",
    "KUR": "Kurd",
    "TAM": "Tamil",
    "TIB": "Tibetan",
    "UIG": "Uighur",
}

KINDS: dict[str, dict[str, str]] = {
    "country": {**HISTORIC_COUNTRIES, **ISO_COUNTRIES, **CAMEO_COUNTRIES},
    "region": REGIONS,
    "international": INTERNATIONAL,
    "organisation": ORGANISATIONS,
    "role": ROLES,
    "religion": RELIGIONS,
    "ethnic": ETHNIC,
}

CODE_IN_BRACKETS = re.compile(r"\[([^\]\s]+)[^\]]*\]")


def phoenix_codes(shared: Path) -> Iterator[str]:
    """Every code in brackets in the Phoenix actor and agent files, without ``~``."""
    for name in PHOENIX_FILES:
        path = shared / "peers" / "petrarch2" / name
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            text = line.split("#", 1)[0]
            for match in CODE_IN_BRACKETS.finditer(text):
                yield match.group(1).strip("~")


def letter_parts(codes: Iterable[str]) -> tuple[collections.Counter[str], dict[str, str]]:
    """How many distinct codes use each 3-letter part, and the first code seen with it."""
    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    for code in sorted(set(codes)):
        if len(code) % 3 or not code.isalnum():
            continue
        for part in {code[i : i + 3] for i in range(0, len(code), 3)}:
            if part.isalpha() and part.isupper():
                counts[part] += 1
                examples.setdefault(part, code)
    return counts, examples


def build_actor_vocabulary(shared: Path) -> dict[str, Any]:
    """The content of actor_codes.json."""
    counts, examples = letter_parts(phoenix_codes(shared))
    parts: dict[str, dict[str, Any]] = {}
    for part in sorted(set(counts) | {p for table in KINDS.values() for p in table}):
        kinds = {kind: table[part] for kind, table in KINDS.items() if part in table}
        entry: dict[str, Any] = {"kinds": kinds, "phoenix_codes": counts.get(part, 0)}
        if not kinds:
            entry["example"] = examples[part]
        parts[part] = entry
    return {
        "about": (
            "The 3-letter parts of CAMEO actor codes. 'kinds' gives what a part stands "
            "for (a part may be two things: MUS is Mauritius and Muslim); parts with no "
            "kinds are attested in the Phoenix dictionaries (petrarch2, MIT) but not "
            "classified. 'phoenix_codes' counts the distinct Phoenix actor and agent "
            "codes that use the part. Countries: ISO 3166-1 and -3 alpha-3 plus CAMEO's "
            "own codes. Generated by tools/build_ontology.py; see docs/cameo.md."
        ),
        "parts": parts,
    }


# --- output --------------------------------------------------------------------------


def dump(data: dict[str, Any]) -> str:
    """The JSON text written to the data files (stable, diff-friendly)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "eventcoder" / "data")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / EVENTS_FILE).write_text(dump(build_event_table(args.shared)), encoding="utf-8")
    (args.out / ACTORS_FILE).write_text(dump(build_actor_vocabulary(args.shared)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

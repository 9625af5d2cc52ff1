"""Real Belgian postcodes and communes, plus curated street names, for generated personas."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

REGIONS = ("brussels", "wallonia", "flanders")
LANGUAGES = ("fr", "nl")

# Regions that fit a language when none is imposed, with their weights.
REGIONS_FOR_LANGUAGE: dict[str, tuple[tuple[str, int], ...]] = {
    "fr": (("wallonia", 7), ("brussels", 3)),
    "nl": (("flanders", 17), ("brussels", 3)),
}

# Brussels is bilingual: the data file names its communes in French, these are the Dutch names.
BRUSSELS_NL_NAMES: dict[str, str] = {
    "1000": "Brussel",
    "1020": "Laken",
    "1030": "Schaarbeek",
    "1040": "Etterbeek",
    "1050": "Elsene",
    "1060": "Sint-Gillis",
    "1070": "Anderlecht",
    "1080": "Sint-Jans-Molenbeek",
    "1081": "Koekelberg",
    "1082": "Sint-Agatha-Berchem",
    "1083": "Ganshoren",
    "1090": "Jette",
    "1120": "Neder-Over-Heembeek",
    "1130": "Haren",
    "1140": "Evere",
    "1150": "Sint-Pieters-Woluwe",
    "1160": "Oudergem",
    "1170": "Watermaal-Bosvoorde",
    "1180": "Ukkel",
    "1190": "Vorst",
    "1200": "Sint-Lambrechts-Woluwe",
    "1210": "Sint-Joost-ten-Node",
}

# Faker's fr_BE streets are American ("Jonathan Park") and its nl_BE ones are Dutch-style
# inventions ("Ayseboulevard"): these curated lists read as Belgian addresses.
STREETS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Rue de la Station",
        "Rue du Moulin",
        "Rue de l'Église",
        "Rue de la Gare",
        "Rue Haute",
        "Rue Neuve",
        "Rue des Écoles",
        "Rue du Centre",
        "Rue de la Chapelle",
        "Rue des Champs",
        "Rue du Château",
        "Rue du Village",
        "Rue des Prés",
        "Rue de la Fontaine",
        "Rue du Bois",
        "Rue des Fleurs",
        "Rue des Alouettes",
        "Rue Albert Ier",
        "Rue Léopold",
        "Rue Reine Astrid",
        "Rue du Tilleul",
        "Rue de la Croix",
        "Rue Émile Vandervelde",
        "Rue Joseph Wauters",
        "Rue de la Liberté",
        "Rue des Combattants",
        "Rue de Bruxelles",
        "Rue de Namur",
        "Rue du Pont",
        "Rue des Sorbiers",
        "Chaussée de Louvain",
        "Chaussée de Bruxelles",
        "Chaussée de Namur",
        "Chaussée de Mons",
        "Avenue des Tilleuls",
        "Avenue de la Gare",
        "Avenue des Acacias",
        "Avenue du Parc",
        "Avenue Albert Ier",
        "Avenue des Érables",
        "Place communale",
        "Clos des Lilas",
        "Drève des Chênes",
        "Sentier des Vignes",
    ),
    "nl": (
        "Kerkstraat",
        "Stationsstraat",
        "Dorpstraat",
        "Molenstraat",
        "Nieuwstraat",
        "Schoolstraat",
        "Kapelstraat",
        "Veldstraat",
        "Hoogstraat",
        "Beekstraat",
        "Bosstraat",
        "Kasteelstraat",
        "Lindenlaan",
        "Ringlaan",
        "Kouter",
        "Markt",
        "Brusselsesteenweg",
        "Gentsesteenweg",
        "Antwerpsesteenweg",
        "Koning Albertlaan",
        "Koningin Astridlaan",
        "Leopoldlaan",
        "Pastorijstraat",
        "Nachtegaalstraat",
        "Kastanjelaan",
        "Berkenlaan",
        "Eikenlaan",
        "Vijverstraat",
        "Bergstraat",
        "Heirbaan",
        "Zandstraat",
        "Langestraat",
        "Groenstraat",
        "Hofstraat",
        "Processiestraat",
        "Kloosterstraat",
        "Tramstraat",
        "Meersstraat",
        "Boslaan",
        "Weverstraat",
        "Populierenlaan",
        "Wilgenstraat",
    ),
}


@dataclass(frozen=True)
class Place:
    """One postcode–commune pair from the data file."""

    postcode: str
    commune: str
    region: str
    language: str

    def name_in(self, language: str) -> str:
        """The commune's name as a speaker of *language* writes it (Brussels is bilingual)."""
        if language == "nl" and self.region == "brussels":
            return BRUSSELS_NL_NAMES.get(self.postcode, self.commune)
        return self.commune

    def names(self) -> tuple[str, ...]:
        """Every accepted spelling of the commune for this postcode."""
        alt = BRUSSELS_NL_NAMES.get(self.postcode) if self.region == "brussels" else None
        return (self.commune,) if alt is None or alt == self.commune else (self.commune, alt)


def unaccent(text: str) -> str:
    """The text without its accents ("Liège" → "Liege"), case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefold and strip accents, for accent- and case-insensitive comparisons.

    Remembered per string: names, streets and towns are folded again at every search and check.
    """
    return unaccent(text.casefold())


@cache
def load_places() -> tuple[Place, ...]:
    """Every place of the shipped data file, in file order."""
    resource = files("simulator.engine") / "data" / "be_postcodes.csv"
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
    places = []
    for row in reader:
        place = Place(
            row["postcode"].strip(),
            row["commune"].strip(),
            row["region"].strip(),
            row["language"].strip(),
        )
        if place.region not in REGIONS or place.language not in LANGUAGES:
            raise ValueError(f"bad row in be_postcodes.csv: {row}")
        places.append(place)
    return tuple(places)


@cache
def places_in(region: str) -> tuple[Place, ...]:
    """The places of one region, in file order."""
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; expected one of {REGIONS}")
    return tuple(p for p in load_places() if p.region == region)


@cache
def _by_postcode() -> dict[str, Place]:
    return {p.postcode: p for p in load_places()}


def place_for_postcode(postcode: str) -> Place | None:
    """The place with this postcode, or None when the data file does not know it."""
    return _by_postcode().get(postcode.strip())


def is_known_postcode(postcode: str) -> bool:
    """True when *postcode* is a postcode of the data file."""
    return place_for_postcode(postcode) is not None


def is_valid_pair(postcode: str, commune: str) -> bool:
    """True when *commune* (any case or accents, either Brussels language) fits *postcode*."""
    place = place_for_postcode(postcode)
    return place is not None and fold(commune.strip()) in {fold(n) for n in place.names()}


def canonical_commune(name: str) -> str | None:
    """The data file's spelling of a commune name typed in any case or accents, if known."""
    wanted = fold(name.strip())
    for place in load_places():
        for candidate in place.names():
            if fold(candidate) == wanted:
                return candidate
    return None


#: Provinces (and the Brussels region) by the first postcode of their ranges.
PROVINCES = (
    "bruxelles",
    "brabant-wallon",
    "brabant-flamand",
    "anvers",
    "limbourg",
    "liege",
    "namur",
    "hainaut",
    "luxembourg",
    "flandre-occidentale",
    "flandre-orientale",
)
_PROVINCE_STARTS = (
    (1000, "bruxelles"),
    (1300, "brabant-wallon"),
    (1500, "brabant-flamand"),
    (2000, "anvers"),
    (3000, "brabant-flamand"),
    (3500, "limbourg"),
    (4000, "liege"),
    (5000, "namur"),
    (6000, "hainaut"),
    (6600, "luxembourg"),
    (7000, "hainaut"),
    (8000, "flandre-occidentale"),
    (9000, "flandre-orientale"),
)


def province_of(postcode: str) -> str:
    """The province of a Belgian postcode (``bruxelles`` for the capital region)."""
    number = int(postcode) if postcode.isdigit() else 1000
    return [name for start, name in _PROVINCE_STARTS if start <= number][-1]


@cache
def pinned_places(commune: str | None, province: str | None) -> tuple[Place, ...]:
    """The places of a commune (its name in any case or accents, or a postcode) and/or a province."""
    wanted = fold(commune.strip()) if commune else None
    return tuple(
        p
        for p in load_places()
        if (wanted is None or wanted == p.postcode or wanted in {fold(n) for n in p.names()})
        and (province is None or province_of(p.postcode) == province)
    )


def streets_for(language: str) -> tuple[str, ...]:
    """Curated street names for addresses written in *language*."""
    if language not in STREETS:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    return STREETS[language]

from datetime import date

from eventwire.evaluate.gold import GoldEvent, GoldSentence, normalize_code
from eventwire.evaluate.scoring import score_sentences
from eventwire.records import Actor, Event, EventDate, Modality, Span


def ev(src: str, tgt: str, cameo: str, plover: str | None, conf: float = 0.9) -> Event:
    return Event(
        "id", "d", 0, "s", Actor(src, src, None), Actor(tgt, tgt, None), cameo, "name", plover, None, None,
        1, 0.0, Modality(), Span(0, 1, "x"), conf, EventDate(None, None),
    )


def gold(*events: tuple[str, str, str]) -> GoldSentence:
    return GoldSentence("g", "text", date(2020, 1, 1), tuple(GoldEvent(s, t, p, None) for s, t, p in events))


def test_levels_and_wildcards():
    pairs = [
        (gold(("RUSGOV", "TUR", "REJECT")), [ev("RUSGOV", "TUR", "120", "REJECT")]),
        (gold(("USA", "---", "ASSAULT")), [ev("USAMIL", "IRQ", "190", "ASSAULT")]),
        (gold(("ISR", "PSE", "CONSULT")), [ev("ISRGOV", "EGY", "040", "CONSULT"), ev("ISR", "PSE", "010", None)]),
        (gold(), [ev("FRA", "DEU", "040", "CONSULT")]),
    ]
    report = score_sentences(pairs)
    event, country, full = (report.levels[k] for k in ("event", "country", "full"))
    assert (event.tp, event.fp, event.fn) == (3, 1, 0)
    assert (country.tp, country.fp, country.fn) == (2, 2, 1)
    assert (full.tp, full.fp, full.fn) == (1, 3, 2)
    assert round(country.precision, 3) == 0.5


def test_multiset_matching_counts_duplicates_once():
    pairs = [(gold(("USA", "JOR", "AGREE"), ("JOR", "USA", "AGREE")), [ev("USA", "JOR", "030", "AGREE")])]
    report = score_sentences(pairs)
    assert report.levels["country"].tp == 1 and report.levels["country"].fn == 1


def test_legacy_codes_are_normalized():
    assert normalize_code("JAPGOV") == "JPNGOV"
    assert normalize_code("---") == "---"


def test_calibration_bands_count_correctness():
    pairs = [(gold(("USA", "IRQ", "ASSAULT")), [ev("USA", "IRQ", "190", "ASSAULT", 0.85), ev("USA", "IRN", "190", "ASSAULT", 0.85)])]
    report = score_sentences(pairs)
    band = next(b for b in report.calibration if b[0] == 0.8)
    assert band[2:] == (2, 1)


def test_bare_igo_in_gold_matches_a_named_igo_at_full_level():
    pairs = [(gold(("IGO", "RUS", "ACCUSE")), [ev("IGOWSTNAT", "RUS", "112", "ACCUSE")]),
             (gold(("USA", "RUS", "ACCUSE")), [ev("USAGOV", "RUS", "112", "ACCUSE")])]
    report = score_sentences(pairs)
    assert report.levels["full"].tp == 1 and report.levels["full"].fp == 1

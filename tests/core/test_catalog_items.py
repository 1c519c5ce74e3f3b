"""The catalog's items read as leniently as a created training: odd items are shown, not fatal."""

from tools.core.catalog_items import SUBTITLE_SHOWN, record_of, summaries_of


def test_an_item_without_a_usable_id_is_left_out_and_odd_fields_are_read_leniently():
    items = [
        {"id": True, "title": "a bool is no id"},
        {"title": "no id"},
        {"id": 7, "state": "archived", "subtitle": "  two\n lines ", "provider": {"id": "x"}},
    ]
    (summary,) = summaries_of(items)
    assert (summary.id, summary.title, summary.state) == (7, "#7", "Archived")
    assert summary.subtitle == "two lines" and summary.provider is None


def test_a_summary_cuts_a_long_subtitle_and_a_record_keeps_it_whole():
    item = {"id": 1, "title": "T", "subtitle": "x" * 400, "isMandatory": "yes"}
    (summary,) = summaries_of([item])
    assert len(summary.subtitle) == SUBTITLE_SHOWN and summary.subtitle.endswith("…")
    record = record_of(item)
    assert record.subtitle == "x" * 400
    assert record.isMandatory is None  # not a boolean: unknown, not true
    assert record_of({"title": "no id"}) is None

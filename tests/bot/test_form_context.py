"""What travels in private_metadata: within Slack's 3000 characters, read back leniently."""

from bot.form_context import PRIVATE_METADATA_MAX_LENGTH, FormContext


def test_the_context_round_trips():
    context = FormContext("U0ANN", "C0GENERAL", "https://hooks.slack.com/commands/T/1/x", "fr")
    assert FormContext.decode(context.encode(), "U0ANN") == context


def test_a_response_url_too_long_to_fit_is_left_out_rather_than_overflowing():
    context = FormContext("U0ANN", "C0GENERAL", "https://hooks.slack.com/" + "x" * 3000, "fr")
    encoded = context.encode()
    assert len(encoded) <= PRIVATE_METADATA_MAX_LENGTH
    assert FormContext.decode(encoded, "U0ANN") == FormContext("U0ANN", "C0GENERAL", None, "fr")


def test_anything_malformed_reads_as_unknown_in_english():
    for text in (None, "", "not json", "[1]", '{"l": "ja", "c": 5}', '{"l": ["de"]}'):
        assert FormContext.decode(text, "U0ANN") == FormContext("U0ANN")


def test_a_message_s_thread_round_trips():
    context = FormContext("U0ANN", "C0GENERAL", None, "de", thread_ts="1700000000.000100")
    assert FormContext.decode(context.encode(), "U0ANN") == context

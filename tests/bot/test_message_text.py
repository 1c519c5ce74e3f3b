"""A message's mrkdwn as the plain text a person would copy out of it."""

from bot.message_text import plain_text

NAMES = {"U1": "Ann Smith", "U2": "Bo"}
CHANNELS = {"C9": "sales"}


async def user_name(user_id: str) -> str | None:
    return NAMES.get(user_id)


async def channel_name(channel_id: str) -> str | None:
    return CHANNELS.get(channel_id)


async def plain(text: str) -> str:
    return await plain_text(text, user_name, channel_name)


async def test_mentions_read_as_names_and_channels_as_their_names():
    assert await plain("Ask <@U1> and <@U2|bo> in <#C9> or <#C7|support>") == (
        "Ask @Ann Smith and @bo in #sales or #support"
    )


async def test_an_unknown_name_shows_the_id_rather_than_nothing():
    assert await plain("<@U404> in <#C404>") == "@U404 in #C404"


async def test_links_keep_their_text_and_their_address():
    text = "See <https://ex.com/a?b=1&amp;c=2|the plan> and <https://x.y> or <mailto:a@b.c|a@b.c>"
    assert await plain(text) == ("See the plan (https://ex.com/a?b=1&c=2) and https://x.y or a@b.c")


async def test_formatting_marks_go_and_words_with_marks_inside_stay():
    text = "*Negotiation* for _sales_, ~old~ `code`: snake_case_name 2*3*4 stays"
    assert await plain(text) == ("Negotiation for sales, old code: snake_case_name 2*3*4 stays")


async def test_a_code_block_keeps_its_lines_and_its_marks():
    text = "Plan:\n```\nstep *one*\n  <@U1>\n```\ndone"
    assert await plain(text) == "Plan:\nstep *one*\n  <@U1>\ndone"


async def test_escapes_quotes_and_special_mentions():
    text = "&gt; R&amp;D &lt;3\n<!here> <!subteam^S1|@hr-team> <!date^1392734382^{date}|Feb 18th>"
    assert await plain(text) == "R&D <3\n@here @hr-team Feb 18th"

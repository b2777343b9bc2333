"""Several sessions at once share nothing but read-only data: languages and widgets stay apart."""

from __future__ import annotations

from tests.pages.helpers import open_app, open_page
from ui import i18n, nav


def test_five_sessions_keep_their_own_state():
    pages = nav.available_pages()
    sessions = []
    for i in range(5):
        lang = i18n.LANGUAGES[i % 2]
        if pages:
            topic = pages[i % len(pages)].topic
            at = open_page(topic, lang=lang)
        else:
            topic = "home"
            at = open_app(lang)
        sessions.append((at, lang, topic))
    # Interleave: change the language of session 0 and a widget of session 1, rerun all.
    sessions[0][0].sidebar.radio(key="_lang_choice").set_value("es").run()
    sessions[0] = (sessions[0][0], "es", sessions[0][2])
    for at, lang, topic in sessions:
        at.run()
        assert not at.exception
        assert at.session_state["lang"] == lang
        expected = i18n.translate(lang, "home.title" if topic == "home" else f"{topic}.title")
        assert at.title[0].value == expected
        others = {t for _, _, t in sessions} - {topic}
        assert not [
            k for k in at.session_state.to_dict() if any(k.startswith(f"{o}.") for o in others)
        ]

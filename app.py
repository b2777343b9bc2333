"""Pizarra's entrypoint and home page: what it is, a card per page, the homework map, class use."""

import streamlit as st

from ui import nav, page

p = page.setup("home")
t = p.t

st.title(t("home.title"))
st.markdown(f"### {t('home.tagline')}")
p.explain(t("home.what"))

pages = nav.available_pages()
if not pages:
    st.info(t("home.none"))
for group in nav.GROUPS:
    members = [pg for pg in pages if pg.group == group]
    if not members:
        continue
    st.subheader(t(f"ui.group.{group}"))
    columns = st.columns(3)
    for i, pg in enumerate(members):
        with columns[i % 3].container(border=True):
            st.markdown(f"**{t(f'{pg.topic}.title')}**")
            st.caption(t(f"{pg.topic}.card"))
            st.page_link(pg.path, label=t("home.open"), icon=pg.icon)

st.subheader(t("home.hw_title"))
st.caption(t("home.hw_intro"))
for item in nav.HOMEWORK + nav.SLIDES:
    if item == nav.SLIDES[0]:
        st.subheader(t("home.slides_title"))
    statement = t(f"home.hw.{item}" if item in nav.HOMEWORK else f"home.slides.{item}")
    text, links = st.columns([3, 1], vertical_alignment="center")
    text.markdown(f"**{t(f'ui.serves.{item}')}** · {statement}")
    with links:
        for pg in nav.serving(item):
            st.page_link(pg.path, label=t(f"{pg.topic}.title"))

st.subheader(t("home.class_title"))
st.markdown(t("home.class_body"))

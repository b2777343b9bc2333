"""Pizarra's entrypoint and home page: what it is, a card per page, how to use it in class."""

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

st.subheader(t("home.class_title"))
st.markdown(t("home.class_body"))

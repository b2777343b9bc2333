"""Shared page helpers: language, navigation, URL-synced widgets, formula/callout blocks, charts."""

"""Figures: the house style and fonts (style, fonts), the frame every chart shares (frame,
layout), byte-stable export in both languages (export), and the machinery several charts use
(maps; panels). Notebooks keep each chart's own drawing code in view and call these."""

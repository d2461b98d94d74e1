"""Shared code for the Zhejiang county notebooks.

Small on purpose: paths, reading the curated tables, matching quotes to seed texts,
the plotting setup and figure export. Each notebook imports from here rather than
copying code, so a fix lands everywhere at once.
"""

__version__ = "2.0.0"

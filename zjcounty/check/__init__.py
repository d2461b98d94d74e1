"""Checking the curated tables (validate, rules): one line per problem naming file, row and
column; and the one answer to "does this quote state this value?" (statement)."""

"""Pure recruiting domain: screening, scorecards, decisions, candidate fields; no I/O."""

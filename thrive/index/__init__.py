"""The Thriving People Index engine (the Social Progress Index method) and deprivation analytics."""

"""Made-up data for trying Thrive, tests and benchmarks: nothing real imports this package."""

"""What the website and the reports show alike: the GOV.UK Jinja set-up and the charts."""

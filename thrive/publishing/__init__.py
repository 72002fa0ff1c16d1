"""The shapes Thrive publishes, shared by the CLI, API, web pages and reports: a public contract."""

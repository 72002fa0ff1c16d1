"""Data in: the shipped datasets and the readers that check files and give domain objects or problems."""

"""Better Off Luton: the benefits and income-maximisation calculator, over PolicyEngine UK.

National benefit rules come from PolicyEngine UK (`thrive.benefits.engine`, which loads it once
per process); Luton's Council Tax Reduction scheme and the two entitlements PolicyEngine keeps as
inputs only (free school meals, Healthy Start) are rule sets kept as data in
`thrive/datasets/luton2040/better_off/`. Importing this package does not import PolicyEngine.
"""

"""Luton's Minimum Income Standard model: Financial Quality of Life bands A–E for households,
persistence of poverty, and the disclosure control that protects every published count."""

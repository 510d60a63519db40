"""Static transparency websites for Thai public offices, generated from data files (ITA/OIT)."""

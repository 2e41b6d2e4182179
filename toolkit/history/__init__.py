"""Everything that asks git: the only layer that imports GitPython."""

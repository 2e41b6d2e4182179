"""Everything that asks git, through GitPython; number reservation alone reads git directly (ADR 0027)."""

"""Pure judging: criteria x evidence -> states, merit, recommendation; and, apart, the sunk-cost checks."""

"""Who may pair with whom, and how well: candidates, hard rules, scores, the cohort's matrix."""

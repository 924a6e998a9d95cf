"""Who may read what about a mentorship, and Maine's recorded disclosures (seed 004).

What mentor and mentee say to each other is confidential before, during and after the
relationship (seeds 000/001); coordinators see facts (dates, hours, states), not content.
Seed 004 names four exceptions; each is recorded as a `Disclosure`, and a disclosure lets
its recipients read exactly the parts it names, nothing more.

``parts`` names what a record holds; ``viewers`` who asks and who reads each part by default;
``disclosure`` a recorded exception; ``recording`` seed 004's rules for making one;
``reading`` the decision that weighs the defaults and the disclosures.
"""

"""REST routes of who takes part and who pairs (issue 22), made of the concept modules."""

from __future__ import annotations

from app.api.rest import people_applicants, people_committee, people_pairs, people_register

# In matching order (see `app.main.create_app`); no request reaches two of their routes.
routers = (
    people_applicants.router,
    people_register.router,
    people_pairs.router,
    people_committee.router,
)

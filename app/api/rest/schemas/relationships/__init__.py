"""REST shapes of running a mentorship, one module per record (as in
`app.api.rest.examples.relationships`): progress, agreements, meetings, goals, disclosures."""

"""Examples of the REST bodies and answers, one module per area, kept apart from the
schemas so those stay readable. Each constant is a model's `json_schema_extra`; a test
validates every example against its schema (tests/api/test_openapi_contract.py)."""

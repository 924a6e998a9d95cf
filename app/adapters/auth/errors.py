"""Why credentials were refused, in a few words that reveal nothing about the server."""


class InvalidCredentials(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

class ApplicationError(Exception):
    """An error a person can cause and fix. Its message is shown to them; it is never a 500."""

    def __init__(self, message, *, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}

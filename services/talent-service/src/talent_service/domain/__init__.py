"""Pure domain rules of talent-service: tags, matching, retention dates, courses.

Nothing here does I/O; the service layer loads state, calls these functions and stores
what they return.
"""

"""The extraction stage, one module per job (sentences, entities, roles, sources, timeline, ...)."""

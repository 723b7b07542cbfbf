"""Reading: the readers that propose answer spans, span decoding and shaping, and confidence."""

"""Readers pick answer spans out of retrieved passages (see :mod:`qa.readers.base`)."""


def default_readers(data, settings=None) -> list:
    """Table cells, lists, fee schedules, "respectively" pairs, "from X to Y" changes, then spans
    (the trained reader, or typed candidates without it)."""
    from qa import models
    from qa.readers.changes import ChangeReader
    from qa.readers.lists import ListReader
    from qa.readers.respectively import RespectivelyReader
    from qa.readers.schedule import ScheduleReader
    from qa.readers.table import TableReader
    from qa.readers.typed import TypedReader
    structural = [TableReader(data), ListReader(data.sources), ScheduleReader(), RespectivelyReader(),
                  ChangeReader()]
    if models.reader_available():
        from qa.readers.neural import NeuralReader
        from qa.settings import Settings
        settings = settings or Settings()
        return structural + [NeuralReader(max_len=settings.window_tokens, stride=settings.window_stride,
                                          max_answer_tokens=settings.max_answer_tokens,
                                          precision=settings.reader_precision)]
    return structural + [TypedReader(data)]

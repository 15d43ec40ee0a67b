"""The views: one module per command, pure functions from a :class:`~progcmp.model.Dataset` to
the report that command prints. Views know the model, the text tools and the data layer; they
never render (that is :mod:`progcmp.render`) and never read the command line."""

"""The data layer: reading and writing files (YAML, the schema, the loader and its cache, the
importers, output files). It knows the model and the text tools, never views or renderers."""

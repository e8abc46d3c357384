"""``mahattat batch``: the pipeline over an archive on a Dask cluster, out to Parquet.

``schema`` is the Parquet layout (also read by ``ingest``); ``partitions`` splits the
input into record ranges; ``write`` turns rows into Parquet files; ``run`` drives Dask.
Nothing here is imported by other commands: dask and pyarrow load only for a batch.
"""

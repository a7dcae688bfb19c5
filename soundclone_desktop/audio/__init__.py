"""The audio engine, Qt-free: read (:mod:`.decode`), measure (:mod:`.measure`,
:mod:`.loudness`, :mod:`.silence`, :mod:`.peaks`), transform (:mod:`.transform`) and write
(:mod:`.encode`, :mod:`.tags`) audio on PyAV (FFmpeg) and NumPy; :mod:`.export` is the
"save this result as…" use of them. Everything here may run on worker threads."""

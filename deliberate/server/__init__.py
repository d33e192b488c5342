"""The ballot HTTP edge (ASGI, starlette under uvicorn): parse, call the ballot box, render."""

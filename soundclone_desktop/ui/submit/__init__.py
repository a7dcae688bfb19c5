"""Sending a request: the Generate bar, the cost counter, the gate, the duplicate question,
and the controller that submits."""

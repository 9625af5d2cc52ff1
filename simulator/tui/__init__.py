"""What the two Textual apps share and neither owns: the key bar and its key labels, the invigilator's dialog, plain widgets.

The candidate app (``simulator.app``) and the review app (``simulator.review``) both build on this
package; it imports neither of them, and the engine below never imports it.
"""

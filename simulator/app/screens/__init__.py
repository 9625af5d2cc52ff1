"""The candidate app's screens: sign-in, console, wrap-up, feedback, help, invigilator, end."""

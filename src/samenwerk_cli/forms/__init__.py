"""Online forms: export the questionnaire to a form tool, import its responses as answer files."""

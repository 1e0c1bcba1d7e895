"""Static site generator for Chinese government information disclosure (政府信息公开)."""

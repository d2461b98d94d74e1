"""Every word a figure or a table prints, in Chinese and English: labels, numbers as the source
stated them, source lines, the reader's table of facts, Chinese typography checks."""

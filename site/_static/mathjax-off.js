/* The site loads nothing from the network: this stands where MathJax would come from a CDN. */
